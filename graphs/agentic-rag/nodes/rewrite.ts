import { rewriteSchema } from '../../../src/models/index.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { currentModel } from '../failover.js';
import { contextOf, rewriteMessages } from '../prompts.js';
import { searchQueryOf } from '../state.js';
import { structuredReply } from '../structured-reply.js';

/** Longest search query kept from a rewrite, in characters. */
const MAX_QUERY_CHARS = 2000;

/**
 * `rewrite` asks the run's current model (structured output, task `rewrite`) for a better search
 * query after a retrieval with nothing relevant, and counts the loop in `rewrites`. A failed
 * model is recorded in `failure` for the fallback edge, which brings the next model back here.
 */
export function rewriteNode(deps: Pick<NodeDeps, 'router'>) {
  return defineNode('rewrite', ['query', 'rewrites', 'failure'], async (state, config) => {
    const model = currentModel(state, deps.router);
    const reply = await structuredReply(
      deps.router.model(model),
      rewriteSchema,
      {
        messages: rewriteMessages(state.question, searchQueryOf(state)),
        question: state.question,
        context: contextOf(state.chunks),
        ...(config.signal ? { signal: config.signal } : {}),
      },
      { task: 'rewrite' },
    );
    if (!reply.ok) {
      const { reason } = reply;
      return { failure: { node: 'rewrite', model, reason, partialRaw: '', displayed: false } };
    }
    const query = reply.value.query.trim().slice(0, MAX_QUERY_CHARS);
    return { query: query === '' ? state.query : query, rewrites: state.rewrites + 1 };
  });
}
