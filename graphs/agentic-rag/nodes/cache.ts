import { cachedAnswer, streamCachedAnswer } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { isFirstTurn } from '../state.js';

/**
 * `cache` looks the question up in the answer cache of its collection, by exact (normalized)
 * question and by embedding similarity in one statement. Only fresh entries are served — the
 * cache checks that every cited chunk still exists unchanged. The embedding is kept in state
 * for the first retrieval and for storing the answer later. A hit streams its text as one token
 * event; its `fallbackPath` is the model that wrote it. Follow-up turns skip the cache.
 */
export function cacheNode(deps: Pick<NodeDeps, 'cache' | 'embedder' | 'logger'>) {
  return defineNode('cache', ['answer', 'questionEmbedding'], async (state, config) => {
    if (!isFirstTurn(state)) return {};
    const key = { workspaceId: state.workspaceId, collectionId: state.collectionId };
    // Embedding first costs an exact hit one embedding call, and saves every miss (the
    // common case) a round trip: the retrieval needs the vector anyway.
    const [vector] = await deps.embedder.embed([state.question], { signal: config.signal });
    if (vector === undefined) throw new Error('the embedder returned no vector');
    const embedding = { vector, model: deps.embedder.model };
    const { hit, retired } = await deps.cache.find(key, state.question, embedding);
    if (retired > 0) deps.logger.info({ event: 'cache_retired', retired }, 'stale answers retired');
    if (hit === null) return { questionEmbedding: vector, answer: null };
    const answer = cachedAnswer(hit);
    streamCachedAnswer(config, answer);
    return { questionEmbedding: vector, answer };
  });
}
