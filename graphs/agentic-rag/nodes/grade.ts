import { gradeSchema } from '../../../src/models/index.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { contextOf, gradeMessages } from '../prompts.js';
import { addUsage } from '../usage.js';

/**
 * `grade` asks the router (structured output, task `grade`, with its own fallback chain) which
 * retrieved chunks help answer the question. Ids the model made up are dropped; the rest keep
 * retrieval order. Nothing retrieved means nothing to grade and no model call.
 */
export function gradeNode(deps: Pick<NodeDeps, 'router'>) {
  return defineNode('grade', ['grading', 'usage'], async (state, config) => {
    if (state.chunks.length === 0) {
      return { grading: { relevantChunkIds: [], score: 0, model: null } };
    }
    const { value, result } = await deps.router.generateStructured(
      gradeSchema,
      {
        messages: gradeMessages(state.question, state.chunks),
        question: state.question,
        context: contextOf(state.chunks),
        ...(config.signal ? { signal: config.signal } : {}),
      },
      { task: 'grade' },
    );
    const claimed = new Set(value.relevant ? value.relevantChunkIds : []);
    const relevantChunkIds = state.chunks.map((c) => c.chunkId).filter((id) => claimed.has(id));
    return {
      grading: { relevantChunkIds, score: value.score, model: result.model },
      usage: addUsage(state.usage, result.usage),
    };
  });
}
