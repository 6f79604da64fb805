import { rewriteSchema } from '../../../src/models/index.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { contextOf, rewriteMessages } from '../prompts.js';
import { searchQueryOf } from '../state.js';
import { addUsage } from '../usage.js';

/** Longest search query kept from a rewrite, in characters. */
const MAX_QUERY_CHARS = 2000;

/**
 * `rewrite` asks the router (structured output, task `rewrite`) for a better search query
 * after a retrieval with nothing relevant, and counts the loop in `rewrites`.
 */
export function rewriteNode(deps: Pick<NodeDeps, 'router'>) {
  return defineNode('rewrite', ['query', 'rewrites', 'usage'], async (state, config) => {
    const { value, result } = await deps.router.generateStructured(
      rewriteSchema,
      {
        messages: rewriteMessages(state.question, searchQueryOf(state)),
        question: state.question,
        context: contextOf(state.chunks),
        ...(config.signal ? { signal: config.signal } : {}),
      },
      { task: 'rewrite' },
    );
    const query = value.query.trim().slice(0, MAX_QUERY_CHARS);
    return {
      query: query === '' ? state.query : query,
      rewrites: state.rewrites + 1,
      usage: addUsage(state.usage, result.usage),
    };
  });
}
