import { checkpointTables } from './schema-name.js';

/**
 * The statements of `BallastPostgresSaver`: the stock saver's inserts, one statement per call
 * instead of one per row inside a transaction. Conflict handling is the stock saver's.
 */
export function batchedStatements(schema: string) {
  const { checkpoints, blobs, writes } = checkpointTables(schema);
  const writeColumns = `INSERT INTO ${writes}
      (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
    SELECT $1, $2, $3, $4, w.idx, w.channel, w.type, w.blob
    FROM unnest($5::int[], $6::text[], $7::text[], $8::bytea[]) AS w (idx, channel, type, blob)
    ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)`;
  return {
    /** $1 thread, $2 namespace, $3–$6 blob channels/versions/types/values, $7–$10 checkpoint. */
    put: `WITH new_blobs AS (
        INSERT INTO ${blobs} (thread_id, checkpoint_ns, channel, version, type, blob)
        SELECT $1, $2, b.channel, b.version, b.type, b.blob
        FROM unnest($3::text[], $4::text[], $5::text[], $6::bytea[]) AS b (channel, version, type, blob)
        ON CONFLICT (thread_id, checkpoint_ns, channel, version) DO NOTHING
      )
      INSERT INTO ${checkpoints}
        (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
      VALUES ($1, $2, $7, $8, $9, $10)
      ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
      DO UPDATE SET checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata`,
    /** $1–$4 thread, namespace, checkpoint, task; $5–$8 indexes/channels/types/values. */
    upsertWrites: `${writeColumns} DO UPDATE SET
      channel = EXCLUDED.channel, type = EXCLUDED.type, blob = EXCLUDED.blob`,
    /** Same parameters as `upsertWrites`; existing rows are kept. */
    insertWrites: `${writeColumns} DO NOTHING`,
  };
}
