import { cachedAnswer } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { isFirstTurn } from '../state.js';

/**
 * `cache` looks the question up in the answer cache of its collection: first by exact
 * (normalized) question, then by embedding similarity. Only fresh entries are served — the
 * cache checks that every cited chunk still exists unchanged. The embedding is kept in state
 * for storing the answer later. Follow-up turns skip the cache.
 */
export function cacheNode(deps: Pick<NodeDeps, 'cache' | 'embedder' | 'logger'>) {
  return defineNode('cache', ['answer', 'questionEmbedding'], async (state, config) => {
    if (!isFirstTurn(state)) return {};
    const key = { workspaceId: state.workspaceId, collectionId: state.collectionId };
    const exact = await deps.cache.findExact(key, state.question);
    if (exact.hit !== null) return { answer: cachedAnswer(exact.hit) };
    const [vector] = await deps.embedder.embed([state.question], { signal: config.signal });
    if (vector === undefined) throw new Error('the embedder returned no vector');
    const similar = await deps.cache.findSimilar(key, { vector, model: deps.embedder.model });
    const retired = exact.retired + similar.retired;
    if (retired > 0) deps.logger.info({ event: 'cache_retired', retired }, 'stale answers retired');
    return {
      questionEmbedding: vector,
      answer: similar.hit === null ? null : cachedAnswer(similar.hit),
    };
  });
}
