import type pg from 'pg';
import { cachedAnswerSchema, type CacheHit, type CacheLookup } from './types.js';

// True while every cited chunk still exists in the entry's collection with the text it had.
// The text is hashed here rather than trusting chunks.content_hash, so an edit that forgot to
// update the hash still retires the entry.
const FRESH = `NOT EXISTS (
  SELECT 1 FROM answer_cache_citations c
  LEFT JOIN chunks k ON k.id = c.chunk_id AND k.collection_id = e.collection_id
  WHERE c.entry_id = e.id
    AND (k.id IS NULL
      OR encode(sha256(convert_to(normalize(k.text, NFC), 'UTF8')), 'hex') <> c.content_hash))`;

/** The SQL of an exact lookup: $1 workspace, $2 collection, $3 question hash. */
export const EXACT_SQL = `SELECT e.id, e.question, e.answer, e.created_at, 1::float8 AS similarity,
    ${FRESH} AS fresh
  FROM answer_cache e
  WHERE e.workspace_id = $1 AND e.collection_id = $2 AND e.question_hash = $3`;

/**
 * The SQL of a semantic lookup: $1 workspace, $2 collection, $3 embedding model, $4 dimension,
 * $5 vector, $6 largest cosine distance, $7 candidates. Entries of another dimension are set
 * aside first, because `<=>` fails on vectors of different sizes.
 */
export const SIMILAR_SQL = `WITH candidates AS MATERIALIZED (
    SELECT id, collection_id, question, answer, created_at, embedding FROM answer_cache
    WHERE workspace_id = $1 AND collection_id = $2 AND embedding_model = $3
      AND vector_dims(embedding) = $4
  ), near AS (
    SELECT *, embedding <=> $5::vector AS distance FROM candidates
  )
  SELECT e.id, e.question, e.answer, e.created_at, (1 - e.distance)::float8 AS similarity,
    ${FRESH} AS fresh
  FROM near e
  WHERE e.distance <= $6
  ORDER BY e.distance, e.id
  LIMIT $7`;

/**
 * The SQL of a lookup by both: $1 workspace, $2 collection, $3 question hash, then $4–$7 as
 * $3–$6 of {@link SIMILAR_SQL}, $8 candidates. The exact entry ranks first (similarity 1).
 */
export const EXACT_OR_SIMILAR_SQL = `(SELECT e.id, e.question, e.answer, e.created_at,
      1::float8 AS similarity, ${FRESH} AS fresh
    FROM answer_cache e
    WHERE e.workspace_id = $1 AND e.collection_id = $2 AND e.question_hash = $3)
  UNION ALL
  (WITH candidates AS MATERIALIZED (
      SELECT id, collection_id, question, answer, created_at, embedding FROM answer_cache
      WHERE workspace_id = $1 AND collection_id = $2 AND embedding_model = $4
        AND vector_dims(embedding) = $5 AND question_hash <> $3
    ), near AS (
      SELECT *, embedding <=> $6::vector AS distance FROM candidates
    )
    SELECT e.id, e.question, e.answer, e.created_at, (1 - e.distance)::float8 AS similarity,
      ${FRESH} AS fresh
    FROM near e
    WHERE e.distance <= $7
    ORDER BY e.distance, e.id
    LIMIT $8)`;

interface EntryRow {
  id: string;
  question: string;
  answer: unknown;
  created_at: Date;
  similarity: number;
  fresh: boolean;
}

/**
 * Runs a lookup and returns its best fresh row. Stale rows it meets, and rows whose answer no
 * longer parses, are deleted on the way: a stale answer is never served and never kept.
 */
export async function lookUp(pool: pg.Pool, sql: string, params: unknown[]): Promise<CacheLookup> {
  const { rows } = await pool.query<EntryRow>(sql, params);
  const stale: string[] = [];
  let hit: CacheHit | null = null;
  for (const row of rows) {
    const answer = cachedAnswerSchema.safeParse(row.answer);
    if (!row.fresh || !answer.success) {
      stale.push(row.id);
      continue;
    }
    hit ??= {
      entryId: row.id,
      question: row.question,
      answer: answer.data,
      similarity: row.similarity,
      createdAt: row.created_at,
    };
  }
  if (stale.length > 0)
    await pool.query('DELETE FROM answer_cache WHERE id = ANY($1::uuid[])', [stale]);
  return { hit, retired: stale.length };
}
