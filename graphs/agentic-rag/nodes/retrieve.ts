import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { emit } from '../events.js';
import { searchQueryOf } from '../state.js';

/**
 * `retrieve` searches the collection with the current query (the question, then each
 * rewrite), keeps the chunks in state and announces them with a `retrieval` event. The
 * question's embedding from `cache` is reused; a rewrite is embedded anew.
 */
export function retrieveNode(deps: Pick<NodeDeps, 'retrieve' | 'limits'>) {
  return defineNode('retrieve', ['chunks', 'retrievals'], async (state, config) => {
    const query = searchQueryOf(state);
    const found = await deps.retrieve({
      workspaceId: state.workspaceId,
      collectionId: state.collectionId,
      query,
      k: deps.limits.k,
      ...(query === state.question && state.questionEmbedding
        ? { queryVector: state.questionEmbedding }
        : {}),
      ...(config.signal ? { signal: config.signal } : {}),
    });
    const chunks = found.map(({ chunkId, documentId, text, score }) => ({
      chunkId,
      documentId,
      text,
      score,
    }));
    emit(config, { type: 'retrieval', query, chunkIds: chunks.map((chunk) => chunk.chunkId) });
    return { chunks, retrievals: state.retrievals + 1 };
  });
}
