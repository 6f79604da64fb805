import type pg from 'pg';
import { withTransaction } from '../db/database.js';
import { CHECKPOINT_SCHEMA, checkpointTables } from './schema-name.js';

/** Options of {@link pruneCheckpoints}. */
export interface PruneCheckpointsOptions {
  /** Threads whose latest checkpoint is older than this many milliseconds are pruned. */
  idleFor: number;
  /** Checkpoints kept per thread (and namespace), newest first. Default: 1. */
  keepLatest?: number;
  /** Most threads pruned per call, so one call stays short; call again for more. Default: 500. */
  maxThreads?: number;
  /** Schema of the checkpoint tables. Default: `ballast_checkpoints`. */
  schema?: string;
  /** Clock. Default: `() => new Date()`. */
  now?: () => Date;
}

/** What one {@link pruneCheckpoints} call deleted. */
export interface PruneResult {
  threads: number;
  checkpoints: number;
  writes: number;
  blobs: number;
}

/**
 * Retention for LangGraph checkpoints, which otherwise grow without bound: for threads idle
 * longer than `idleFor`, deletes every checkpoint but the `keepLatest` newest, the pending
 * writes of the deleted ones, and the channel blobs no remaining checkpoint refers to. The
 * kept checkpoint still loads in full, so the conversation continues where it was. Threads
 * already pruned are not selected again. Not for graphs with `DeltaValue` fields, whose
 * values are rebuilt from ancestor checkpoints.
 */
export async function pruneCheckpoints(
  pool: pg.Pool,
  options: PruneCheckpointsOptions,
): Promise<PruneResult> {
  const keep = options.keepLatest ?? 1;
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keepLatest must be at least 1');
  if (!(options.idleFor >= 0)) throw new RangeError('idleFor must be a non-negative duration');
  const { checkpoints, writes, blobs } = checkpointTables(options.schema ?? CHECKPOINT_SCHEMA);
  const cutoff = new Date((options.now?.() ?? new Date()).getTime() - options.idleFor);

  return withTransaction(pool, async (client) => {
    const idle = await client.query<{ thread_id: string }>(
      `SELECT thread_id FROM (
         SELECT thread_id, checkpoint_ns, count(*) AS n,
                max((checkpoint->>'ts')::timestamptz) AS last_at
         FROM ${checkpoints} GROUP BY thread_id, checkpoint_ns
       ) per_namespace
       GROUP BY thread_id
       HAVING max(last_at) < $1 AND max(n) > $2
       LIMIT $3`,
      [cutoff, keep, options.maxThreads ?? 500],
    );
    const threads = idle.rows.map((row) => row.thread_id);
    if (threads.length === 0) return { threads: 0, checkpoints: 0, writes: 0, blobs: 0 };

    const deleted = await client.query(
      `DELETE FROM ${checkpoints} c USING (
         SELECT thread_id, checkpoint_ns, checkpoint_id, row_number() OVER (
           PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id DESC) AS rank
         FROM ${checkpoints} WHERE thread_id = ANY($1)
       ) ranked
       WHERE c.thread_id = ranked.thread_id AND c.checkpoint_ns = ranked.checkpoint_ns
         AND c.checkpoint_id = ranked.checkpoint_id AND ranked.rank > $2`,
      [threads, keep],
    );
    const orphanWrites = await client.query(
      `DELETE FROM ${writes} w WHERE w.thread_id = ANY($1) AND NOT EXISTS (
         SELECT 1 FROM ${checkpoints} c WHERE c.thread_id = w.thread_id
           AND c.checkpoint_ns = w.checkpoint_ns AND c.checkpoint_id = w.checkpoint_id)`,
      [threads],
    );
    const orphanBlobs = await client.query(
      `DELETE FROM ${blobs} b WHERE b.thread_id = ANY($1) AND NOT EXISTS (
         SELECT 1 FROM ${checkpoints} c WHERE c.thread_id = b.thread_id
           AND c.checkpoint_ns = b.checkpoint_ns
           AND c.checkpoint->'channel_versions'->>b.channel = b.version)`,
      [threads],
    );
    return {
      threads: threads.length,
      checkpoints: deleted.rowCount ?? 0,
      writes: orphanWrites.rowCount ?? 0,
      blobs: orphanBlobs.rowCount ?? 0,
    };
  });
}
