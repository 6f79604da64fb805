import type pg from 'pg';
import { THREAD_COLUMNS } from './find-threads.js';
import { readKeysetPage, type KeysetPage, type KeysetWindow } from './keyset-page.js';
import { RUN_COLUMNS, type RunRow, type ThreadRow } from './run-row.js';
import type { RunEvent } from './run-event.js';

/** The runs of `workspaceId` among `ids`. */
export async function findRunsByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<RunRow[]> {
  const result = await pool.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** The threads of `workspaceId` among `ids`. */
export async function findThreadsByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<ThreadRow[]> {
  const result = await pool.query<ThreadRow>(
    `SELECT ${THREAD_COLUMNS} FROM threads WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** The runs of a thread, oldest first. */
export async function listThreadRuns(
  pool: pg.Pool,
  workspaceId: string,
  threadId: string,
): Promise<RunRow[]> {
  const result = await pool.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND thread_id = $2
     ORDER BY created_at, id`,
    [workspaceId, threadId],
  );
  return result.rows;
}

/** One page of the runs of a thread, newest first (`created_at`, then id). */
export async function pageThreadRuns(
  pool: pg.Pool,
  workspaceId: string,
  threadId: string,
  window: KeysetWindow,
): Promise<KeysetPage<RunRow>> {
  return readKeysetPage<RunRow>(
    pool,
    {
      columns: RUN_COLUMNS,
      table: 'runs',
      atColumn: 'created_at',
      where: 'workspace_id = $1 AND thread_id = $2::uuid',
      params: [workspaceId, threadId],
    },
    window,
  );
}

/** Persisted events of a run with seq > `afterSeq`, in order, at most `limit`. */
export async function readRunEvents(
  pool: pg.Pool,
  runId: string,
  afterSeq: number,
  limit = 1000,
): Promise<RunEvent[]> {
  // The log holds only what the event writer stored: typed on the way in.
  const result = await pool.query<Omit<RunEvent, 'runId'>>(
    `SELECT seq, type, payload, at FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [runId, afterSeq, limit],
  );
  return result.rows.map((row) => ({ ...row, runId }) as RunEvent);
}
