import type { Database } from '../db/database.js';
import { withTransaction } from '../db/database.js';
import { AppError } from '../errors.js';
import { CHANNELS, NotifierUnavailableError, type Notifier } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { settleTokens } from '../security/token-budgets.js';
import type { ActiveRuns } from './active-runs.js';
import { findRunsByIds } from './find-runs.js';
import { enqueueNextRun } from './run-lifecycle.js';
import type { RunRow } from './run-row.js';

/** The abort reason {@link cancelRun} gives a run's signal; the executor tells it from a shutdown. */
export const CANCELLED_BY_CLIENT = 'cancelled by client';

/** What {@link cancelRun} needs. */
export interface CancelRunDeps {
  db: Database;
  queue: JobQueue;
  notifier: Notifier;
  activeRuns: ActiveRuns;
}

/**
 * Stops a run. A queued run ends at once with `RunCancelled` (the next run of its thread may
 * start); a running one is aborted wherever it executes — here directly, elsewhere through a
 * notification, or at its next lease renewal when that is lost — its model request is aborted
 * and its stream ends with `RunCancelled`.
 * A finished run is returned unchanged.
 * @throws {AppError} `NOT_FOUND`.
 */
export async function cancelRun(
  deps: CancelRunDeps,
  workspaceId: string,
  runId: string,
): Promise<RunRow> {
  const { pool } = deps.db;
  const queued = await withTransaction(pool, async (client) => {
    const ended = await client.query<{
      thread_id: string;
      last_seq: number;
      requested_by: string | null;
      reserved_tokens: number;
    }>(
      `UPDATE runs SET status = 'CANCELLED', cancel_requested = true, finished_at = now(),
         last_seq = last_seq + 1
       WHERE id = $1 AND workspace_id = $2 AND status = 'QUEUED'
       RETURNING thread_id, last_seq, requested_by, reserved_tokens`,
      [runId, workspaceId],
    );
    const row = ended.rows[0];
    if (!row) return false;
    // Subscribers listening through the database hear it at commit, whatever happens to this
    // process's own notification connection: they wait for announcements and never poll.
    await client.query(
      `WITH inserted AS (
         INSERT INTO run_events (run_id, seq, type, payload) VALUES ($1, $2, 'RunCancelled', '{}')
       )
       SELECT pg_notify($3, $1::text) WHERE $4`,
      [runId, row.last_seq, CHANNELS.runEvents, deps.notifier.hearsDatabase],
    );
    // It never ran: its reservation is returned whole.
    await settleTokens(
      client,
      { requestedBy: row.requested_by, workspaceId, reserved: row.reserved_tokens },
      0,
    );
    await enqueueNextRun(client, deps.queue, row.thread_id);
    return true;
  });
  // A running run's notification only speeds things up: the flag is recorded, and the executing
  // process reads it at its next lease renewal. (A queued run's was sent by its statement.)
  const announce = (channel: string) =>
    deps.notifier.publish(channel, runId).catch((error: unknown) => {
      if (!(error instanceof NotifierUnavailableError)) throw error;
    });
  if (queued) {
    if (!deps.notifier.hearsDatabase) await announce(CHANNELS.runEvents);
  } else {
    const running = await pool.query(
      `UPDATE runs SET cancel_requested = true WHERE id = $1 AND workspace_id = $2 AND status = 'RUNNING'`,
      [runId, workspaceId],
    );
    if (running.rowCount && !deps.activeRuns.abort(runId, CANCELLED_BY_CLIENT)) {
      await announce(CHANNELS.runCancel);
    }
  }
  const [run] = await findRunsByIds(pool, workspaceId, [runId]);
  if (!run) throw new AppError('NOT_FOUND', 'run not found');
  return run;
}
