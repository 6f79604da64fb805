import type pg from 'pg';
import { CHECKPOINT_SCHEMA, checkpointTables } from './schema-name.js';

/** One checkpoint of a thread, as `thread { history }` shows it. */
export interface CheckpointEntry {
  checkpointId: string;
  /** The checkpoint this one continues from; null for a thread's first. */
  parentId: string | null;
  /**
   * The node whose writes this checkpoint records (`__input__` for a run's input, `__fork__`
   * for a fork point). Nodes of one parallel step are joined with `,`.
   */
  node: string;
  /** LangGraph's step number; it keeps counting across the runs of a thread. */
  step: number;
  /** When the checkpoint was taken (ISO-8601). */
  at: string;
}

/** Options of {@link checkpointHistory}. */
export interface CheckpointHistoryOptions {
  /** Schema of the checkpoint tables. Default: `ballast_checkpoints`. */
  schema?: string;
  /** Most entries returned, newest first. Default: 100. */
  limit?: number;
}

interface HistoryRow {
  checkpoint_id: string;
  parent_checkpoint_id: string | null;
  source: string | null;
  step: number | null;
  at: string;
  seen: Record<string, unknown> | null;
  parent_seen: Record<string, unknown> | null;
}

// A node ran in a step exactly when its versions_seen entry changed since the parent.
function nodeOf(row: HistoryRow): string {
  if (row.source === 'input') return '__input__';
  if (row.source === 'fork') return '__fork__';
  const seen = row.seen ?? {};
  const before = row.parent_seen ?? {};
  const ran = Object.keys(seen)
    .filter((key) => key !== '__input__' && key !== '__interrupt__')
    .filter((key) => JSON.stringify(seen[key]) !== JSON.stringify(before[key]))
    .sort();
  return ran.join(',');
}

/**
 * The checkpoints of a thread's root graph, newest first, read straight from the saver's
 * tables (one query, no channel values loaded), each with the node that produced it. Any
 * `checkpointId` can be passed to `threadConfig` to fork from it.
 */
export async function checkpointHistory(
  pool: pg.Pool,
  threadId: string,
  options: CheckpointHistoryOptions = {},
): Promise<CheckpointEntry[]> {
  const { checkpoints } = checkpointTables(options.schema ?? CHECKPOINT_SCHEMA);
  const { rows } = await pool.query<HistoryRow>(
    `SELECT c.checkpoint_id, c.parent_checkpoint_id, c.metadata->>'source' AS source,
       (c.metadata->>'step')::int AS step, c.checkpoint->>'ts' AS at,
       c.checkpoint->'versions_seen' AS seen, p.checkpoint->'versions_seen' AS parent_seen
     FROM ${checkpoints} c
     LEFT JOIN ${checkpoints} p ON p.thread_id = c.thread_id
       AND p.checkpoint_ns = c.checkpoint_ns AND p.checkpoint_id = c.parent_checkpoint_id
     WHERE c.thread_id = $1 AND c.checkpoint_ns = ''
     ORDER BY c.checkpoint_id DESC
     LIMIT $2`,
    [threadId, options.limit ?? 100],
  );
  return rows.map((row) => ({
    checkpointId: row.checkpoint_id,
    parentId: row.parent_checkpoint_id,
    node: nodeOf(row),
    step: row.step ?? 0,
    at: new Date(row.at).toISOString(),
  }));
}
