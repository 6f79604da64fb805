import type pg from 'pg';
import type { EmbeddingModel } from '../../src/models/index.js';
import { hybridSearch } from '../../src/retrieval/hybrid-search.js';
import type { RetrieveChunks } from './deps.js';

/** The production `retrieve` dependency: hybrid pgvector + full-text search, no filter. */
export function hybridRetriever(pool: pg.Pool, embedder: EmbeddingModel): RetrieveChunks {
  return ({ workspaceId, collectionId, query, k, queryVector }) =>
    hybridSearch(
      pool,
      embedder,
      workspaceId,
      collectionId,
      { query, k, filter: null },
      queryVector ? { queryVector } : {},
    );
}
