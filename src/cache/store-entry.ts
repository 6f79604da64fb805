import type pg from 'pg';
import { questionHash } from './question-key.js';
import type { NewCacheEntry } from './types.js';

/** A pgvector literal; refuses vectors that are empty or hold non-finite numbers. */
export function vectorLiteral(vector: readonly number[]): string {
  if (vector.length === 0 || !vector.every(Number.isFinite)) {
    throw new Error('a cache embedding must be a non-empty vector of finite numbers');
  }
  return `[${vector.join(',')}]`;
}

// One statement, so atomic without a transaction: upsert the entry by its normalized
// question, drop the citations it no longer has, upsert the ones it has. The cache only saves
// work, so its commit does not wait for the disk (an entry lost in a database crash is asked
// again): `set_config(…, true)` lasts until this statement's own commit.
const STORE_SQL = `WITH async_commit AS (
    SELECT set_config('synchronous_commit', 'off', true)
  ), entry AS (
    INSERT INTO answer_cache (workspace_id, collection_id, question_hash, question,
      embedding_model, embedding, answer, created_at)
    VALUES ($1, $2, $3, $4, $5, $6::vector, $7, coalesce($8, now()))
    ON CONFLICT (collection_id, question_hash) DO UPDATE SET
      question = EXCLUDED.question, embedding_model = EXCLUDED.embedding_model,
      embedding = EXCLUDED.embedding, answer = EXCLUDED.answer, created_at = EXCLUDED.created_at
    RETURNING id
  ), cited AS (
    SELECT DISTINCT ON (chunk_id) chunk_id, content_hash
    FROM unnest($9::uuid[], $10::text[]) AS c (chunk_id, content_hash)
  ), dropped AS (
    DELETE FROM answer_cache_citations old USING entry
    WHERE old.entry_id = entry.id AND old.chunk_id <> ALL ($9::uuid[])
  )
  INSERT INTO answer_cache_citations (entry_id, chunk_id, content_hash)
  SELECT entry.id, cited.chunk_id, cited.content_hash FROM entry, cited, async_commit
  ON CONFLICT (entry_id, chunk_id) DO UPDATE SET content_hash = EXCLUDED.content_hash`;

/** Upserts an entry by its normalized question and replaces its citations, in one statement. */
export async function storeEntry(pool: pg.Pool, entry: NewCacheEntry): Promise<void> {
  await pool.query(STORE_SQL, [
    entry.workspaceId,
    entry.collectionId,
    questionHash(entry.question),
    entry.question,
    entry.embedding.model,
    vectorLiteral(entry.embedding.vector),
    JSON.stringify(entry.answer),
    entry.createdAt ?? null,
    entry.cited.map((c) => c.chunkId),
    entry.cited.map((c) => c.contentHash),
  ]);
}
