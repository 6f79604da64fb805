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
 * A semantic lookup, given the placeholders of the model, dimension, vector, largest cosine
 * distance and candidate count (and optionally of a question hash to leave out). Entries of
 * another dimension are set aside first, because `<=>` fails on vectors of different sizes.
 */
function similarSql(p: {
  model: string;
  dims: string;
  vector: string;
  distance: string;
  limit: string;
  notHash?: string;
}): string {
  return `WITH candidates AS MATERIALIZED (
    SELECT id, collection_id, question, answer, created_at, embedding FROM answer_cache
    WHERE workspace_id = $1 AND collection_id = $2 AND embedding_model = ${p.model}
      AND vector_dims(embedding) = ${p.dims}${p.notHash ? ` AND question_hash <> ${p.notHash}` : ''}
  ), near AS (
    SELECT *, embedding <=> ${p.vector}::vector AS distance FROM candidates
  )
  SELECT e.id, e.question, e.answer, e.created_at, (1 - e.distance)::float8 AS similarity,
    ${FRESH} AS fresh
  FROM near e
  WHERE e.distance <= ${p.distance}
  ORDER BY e.distance, e.id
  LIMIT ${p.limit}`;
}

/**
 * The SQL of a semantic lookup: $1 workspace, $2 collection, $3 embedding model, $4 dimension,
 * $5 vector, $6 largest cosine distance, $7 candidates.
 */
export const SIMILAR_SQL = similarSql({
  model: '$3',
  dims: '$4',
  vector: '$5',
  distance: '$6',
  limit: '$7',
});

/**
 * The SQL of a lookup by both: $1 workspace, $2 collection, $3 question hash, $4 embedding
 * model, $5 dimension, $6 vector, $7 largest cosine distance, $8 candidates. The exact entry
 * ranks first (similarity 1).
 */
export const EXACT_OR_SIMILAR_SQL = `(${EXACT_SQL})
  UNION ALL
  (${similarSql({ model: '$4', dims: '$5', vector: '$6', distance: '$7', limit: '$8', notHash: '$3' })})`;

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
