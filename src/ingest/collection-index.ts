import type pg from 'pg';
import { withTransaction } from '../db/database.js';

// Half-precision keeps the graph half the size (it stays in shared buffers) at no measured
// recall cost; ef_construction 200 is what lifts recall@10 past 0.95 at 100k chunks
// (bench/results/retrieval.json: recall@10 0.960 at ef_search 200, 402 QPS on the product table).
/** HNSW `m`. */
export const HNSW_M = 16;
/** HNSW `ef_construction`. */
export const HNSW_EF_CONSTRUCTION = 200;

/** Memory for one index build: enough for the graph of a few hundred thousand 384-d vectors. */
export const MAINTENANCE_WORK_MEM = '512MB';

/** Name of the partial HNSW index of one collection. */
export function collectionIndexName(collectionId: string): string {
  return `chunks_hnsw_${collectionId.replaceAll('-', '')}`;
}

/**
 * Creates the collection's own HNSW (cosine) index over `embedding::halfvec(D)` if missing.
 * One partial index per collection keeps each graph small and lets every collection use its
 * own dimension; queries must repeat the same expression and `collection_id = …` to use it.
 */
export async function ensureCollectionIndex(
  pool: pg.Pool,
  collectionId: string,
  dimensions: number,
): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0 || dimensions > 16_000) {
    throw new Error(`invalid embedding dimension ${dimensions}`);
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(collectionId)) {
    throw new Error('collection id must be a uuid');
  }
  const name = collectionIndexName(collectionId);
  const exists = await pool.query('SELECT 1 FROM pg_class WHERE relname = $1', [name]);
  if (exists.rowCount) return;
  try {
    await withTransaction(pool, async (client) => {
      // The HNSW graph must fit in memory or the build spills and slows down many times over.
      await client.query(`SET LOCAL maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      // DDL takes no parameters; both values were checked above.
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${name} ON chunks
         USING hnsw ((embedding::halfvec(${dimensions})) halfvec_cosine_ops)
         WITH (m = ${HNSW_M}, ef_construction = ${HNSW_EF_CONSTRUCTION})
         WHERE collection_id = '${collectionId}'`,
      );
    });
  } catch (error) {
    // Two workers racing on the first batch: the loser sees the winner's index.
    if (
      (error as { code?: string }).code !== '23505' &&
      (error as { code?: string }).code !== '42P07'
    )
      throw error;
  }
}

/**
 * Builds the collection's index once no ingest job of it is queued or running: while a load
 * goes on, each new row would be inserted into the graph one by one, many times slower than
 * one build at the end (bench: 48-chunk batches went from 35 ms to 200 ms). Call it after a
 * job has ended and committed; of jobs ending together, the last to commit sees none open,
 * so one of them builds.
 */
export async function ensureCollectionIndexWhenIdle(
  pool: pg.Pool,
  collectionId: string,
  dimensions: number,
): Promise<void> {
  const open = await pool.query(
    `SELECT 1 FROM ingest_jobs WHERE collection_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`,
    [collectionId],
  );
  if (open.rowCount === 0) await ensureCollectionIndex(pool, collectionId, dimensions);
}

/**
 * Builds the index of every collection that has an embedding dimension but no index yet:
 * the first job of a collection builds it when it ends, and a crash in between would
 * otherwise leave the collection scanned forever. Run at worker start.
 * @returns the number of indexes built.
 */
export async function ensureMissingCollectionIndexes(pool: pg.Pool): Promise<number> {
  const missing = await pool.query<{ id: string; embedding_dimensions: number }>(
    `SELECT id, embedding_dimensions FROM collections c
     WHERE embedding_dimensions IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'chunks_hnsw_' || replace(c.id::text, '-', ''))
       AND NOT EXISTS (SELECT 1 FROM ingest_jobs j WHERE j.collection_id = c.id AND j.status IN ('QUEUED', 'RUNNING'))`,
  );
  for (const row of missing.rows)
    await ensureCollectionIndex(pool, row.id, row.embedding_dimensions);
  return missing.rows.length;
}
