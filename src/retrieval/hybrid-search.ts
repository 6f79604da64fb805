import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { withTransaction } from '../db/database.js';
import { hasSessionSettings, SESSION_EF_SEARCH } from '../db/session-settings.js';
import { redactPii } from '../governance/pii.js';
import { assertEmbeddingCompatible, findCollectionEmbedding } from '../ingest/embedding-compat.js';
import type { EmbeddingModel } from '../models/types.js';
import { traceRetrieval } from '../telemetry/index.js';
import type { SearchRequest } from './search-options.js';

/** One retrieved chunk with its fused score and the ranks it had in each list. */
export interface RetrievedChunk {
  chunkId: string;
  documentId: string;
  text: string;
  ordinal: number;
  headingPath: string[];
  /** 1-based source pages of the chunk; empty for formats without pages. */
  pages: number[];
  tokenCount: number;
  /** Reciprocal-rank-fusion score: higher is better. */
  score: number;
  /** 1-based rank in the vector list, null when only full-text found it. */
  vectorRank: number | null;
  /** 1-based rank in the full-text list, null when only the vector search found it. */
  textRank: number | null;
}

/** Tuning of {@link hybridSearch}. */
export interface HybridSearchTuning {
  /** Candidates taken from each list before fusion. Default: max(4k, 40). */
  candidates?: number;
  /** HNSW `ef_search`. Default: max(candidates, 200). */
  efSearch?: number;
  /** Reciprocal rank fusion constant. Default: 60. */
  rrfK?: number;
  /**
   * The query's embedding, when the caller already has it from the same embedding model
   * (the graph embeds the question for its cache lookup). Default: the query is embedded.
   */
  queryVector?: readonly number[];
}

// Collections' embedding model and dimension, fixed once set: looked up once per process for
// the 1,000 most recently searched collections (a bound, not an expiry: the values never change).
const embeddingInfo = new LRUCache<
  string,
  { embedding_model: string; embedding_dimensions: number }
>({ max: 1000 });

async function collectionEmbedding(pool: pg.Pool, workspaceId: string, collectionId: string) {
  const key = `${workspaceId}/${collectionId}`;
  const known = embeddingInfo.get(key);
  if (known) return known;
  const row = await findCollectionEmbedding(pool, workspaceId, collectionId);
  if (!row || row.embedding_model === null || row.embedding_dimensions === null) return null;
  const info = {
    embedding_model: row.embedding_model,
    embedding_dimensions: row.embedding_dimensions,
  };
  embeddingInfo.set(key, info);
  return info;
}

/**
 * Hybrid retrieval: pgvector nearest neighbours on the collection's own HNSW index and
 * Postgres full-text search, fused by reciprocal rank fusion. A metadata filter is applied
 * inside the index scan with pgvector's iterative scans, so a selective filter still returns
 * every match there is, up to k. The query is redacted before it reaches the embedder. One
 * `retrieval {collection}` span, with the embedding call and the SQL under it.
 * @returns at most `request.k` chunks, best first; empty for a collection with no chunks yet.
 */
export function hybridSearch(
  pool: pg.Pool,
  embedder: EmbeddingModel,
  workspaceId: string,
  collectionId: string,
  request: SearchRequest,
  tuning: HybridSearchTuning = {},
): Promise<RetrievedChunk[]> {
  const info = { collectionId, k: request.k, filtered: !!request.filter, query: request.query };
  return traceRetrieval(info, () =>
    search(pool, embedder, workspaceId, collectionId, request, tuning),
  );
}

async function search(
  pool: pg.Pool,
  embedder: EmbeddingModel,
  workspaceId: string,
  collectionId: string,
  request: SearchRequest,
  tuning: HybridSearchTuning,
): Promise<RetrievedChunk[]> {
  const row = await collectionEmbedding(pool, workspaceId, collectionId);
  if (!row) return [];
  assertEmbeddingCompatible(row, embedder);
  const dims = row.embedding_dimensions;
  const query = redactPii(request.query).text;
  const vector =
    tuning.queryVector?.length === dims ? tuning.queryVector : (await embedder.embed([query]))[0];
  const candidates = tuning.candidates ?? Math.max(request.k * 4, 40);
  const efSearch = Math.trunc(
    Math.min(tuning.efSearch ?? Math.max(candidates, SESSION_EF_SEARCH), 1000),
  );
  // The dimension is inlined (DDL-style, an integer from our own table) because the
  // per-collection index is on exactly this expression.
  const run = (client: pg.Pool | pg.PoolClient) =>
    client.query<RetrievedChunk>(
      `WITH vec AS MATERIALIZED (
         SELECT id, embedding::halfvec(${dims}) <=> $1::halfvec(${dims}) AS distance
         FROM chunks
         WHERE collection_id = $2 AND ($3::jsonb IS NULL OR metadata @> $3::jsonb)
         ORDER BY distance LIMIT $4
       ), vec_ranked AS (
         SELECT id, row_number() OVER (ORDER BY distance) AS rank FROM vec
       ), fts AS (
         SELECT id, row_number() OVER (ORDER BY ts_rank_cd(tsv, q) DESC, id) AS rank
         FROM chunks, websearch_to_tsquery('english', $5) AS q
         WHERE collection_id = $2 AND tsv @@ q AND ($3::jsonb IS NULL OR metadata @> $3::jsonb)
         ORDER BY ts_rank_cd(tsv, q) DESC, id LIMIT $4
       ), fused AS (
         SELECT coalesce(v.id, f.id) AS id, v.rank AS vector_rank, f.rank AS text_rank,
                coalesce(1.0 / ($6 + v.rank), 0) + coalesce(1.0 / ($6 + f.rank), 0) AS score
         FROM vec_ranked v FULL OUTER JOIN fts f ON v.id = f.id
       )
       SELECT c.id AS "chunkId", c.document_id AS "documentId", c.text, c.ordinal,
              c.heading_path AS "headingPath", c.pages, c.token_count AS "tokenCount", fused.score::float8 AS score,
              fused.vector_rank::int AS "vectorRank", fused.text_rank::int AS "textRank"
       FROM fused JOIN chunks c ON c.id = fused.id
       ORDER BY fused.score DESC, c.id LIMIT $7`,
      [
        `[${vector!.join(',')}]`,
        collectionId,
        request.filter ? JSON.stringify(request.filter) : null,
        candidates,
        query,
        tuning.rrfK ?? 60,
        request.k,
      ],
    );
  // The pool's sessions already search this way: one statement, no transaction.
  if (hasSessionSettings(pool) && efSearch === SESSION_EF_SEARCH) return (await run(pool)).rows;
  return withTransaction(pool, async (client) => {
    await client.query(`SET LOCAL hnsw.ef_search = ${efSearch}`);
    await client.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    return (await run(client)).rows;
  });
}
