import { gradeSchema } from '../../../src/models/index.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { currentModel } from '../failover.js';
import { contextOf, gradeMessages } from '../prompts.js';
import { structuredReply } from '../structured-reply.js';

/**
 * `grade` asks the run's current model (structured output, task `grade`) which retrieved chunks
 * help answer the question. Ids the model made up are dropped; the rest keep retrieval order.
 * Nothing retrieved means nothing to grade and no model call. A failed model is recorded in
 * `failure` for the fallback edge, which brings the next model back here.
 */
export function gradeNode(deps: Pick<NodeDeps, 'router'>) {
  return defineNode('grade', ['grading', 'failure'], async (state, config) => {
    if (state.chunks.length === 0) {
      return { grading: { relevantChunkIds: [], score: 0, model: null } };
    }
    const model = currentModel(state, deps.router);
    const reply = await structuredReply(
      deps.router.model(model),
      gradeSchema,
      {
        messages: gradeMessages(state.question, state.chunks),
        question: state.question,
        context: contextOf(state.chunks),
        ...(config.signal ? { signal: config.signal } : {}),
      },
      { task: 'grade' },
    );
    if (!reply.ok) {
      const { reason } = reply;
      return { failure: { node: 'grade', model, reason, partialRaw: '', displayed: false } };
    }
    const claimed = new Set(reply.value.relevant ? reply.value.relevantChunkIds : []);
    const relevantChunkIds = state.chunks.map((c) => c.chunkId).filter((id) => claimed.has(id));
    return { grading: { relevantChunkIds, score: reply.value.score, model } };
  });
}
