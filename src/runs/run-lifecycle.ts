import type pg from 'pg';
import type { JobQueue, SqlExecutor } from '../jobs/job-queue.js';
import { settleTokens, type TokenReservation } from '../security/token-budgets.js';
import type { RunUsageRecord } from '../telemetry/index.js';
import { RUN_COLUMNS, RUN_QUEUE, type RunJobPayload, type RunRow } from './run-row.js';

/**
 * A run taken for execution, with the traceparent of the operation that asked for it and the
 * usage its earlier attempts recorded (a resumed run).
 */
export type ClaimedRun = RunRow & { trace_parent: string | null; usage: RunUsageRecord | null };

/**
 * Takes a run for execution in this process: a QUEUED run, or a RUNNING one whose lease
 * expired (its process died; if it was being cancelled, the executor ends it as cancelled).
 * Sets a lease the executor must renew.
 * @returns the claimed run (its `trace_parent` read in the same statement, so the workflow
 *   span needs no query of its own), or null when it is not claimable now (finished, cancelled,
 *   executing elsewhere, or waiting behind another run of its thread).
 */
export async function claimRun(
  pool: pg.Pool,
  runId: string,
  leaseSeconds: number,
): Promise<ClaimedRun | null> {
  try {
    const result = await pool.query<ClaimedRun>(
      `UPDATE runs SET status = 'RUNNING', attempts = attempts + 1,
         lease_until = now() + make_interval(secs => $2), started_at = coalesce(started_at, now())
       WHERE id = $1
         AND ((status = 'QUEUED' AND NOT cancel_requested)
              OR (status = 'RUNNING' AND lease_until < now()))
       RETURNING ${RUN_COLUMNS}, trace_parent, usage`,
      [runId, leaseSeconds],
    );
    return result.rows[0] ?? null;
  } catch (error) {
    // Another run of the thread is RUNNING: this one waits its turn.
    if ((error as { code?: string }).code === '23505') return null;
    throw error;
  }
}

/** What a lease renewal found: whether this execution still owns the run, and whether a cancel was asked. */
export type LeaseState = { owned: false } | { owned: true; cancelRequested: boolean };

/**
 * Extends the lease of a run this execution (`attempt`) owns, and reads its cancel flag in
 * the same statement: a cancel whose notification was lost still lands within one renewal.
 */
export async function renewLease(
  pool: pg.Pool,
  runId: string,
  attempt: number,
  leaseSeconds: number,
): Promise<LeaseState> {
  const result = await pool.query<{ cancel_requested: boolean }>(
    `UPDATE runs SET lease_until = now() + make_interval(secs => $3)
     WHERE id = $1 AND attempts = $2 AND status = 'RUNNING'
     RETURNING cancel_requested`,
    [runId, attempt, leaseSeconds],
  );
  const row = result.rows[0];
  return row ? { owned: true, cancelRequested: row.cancel_requested } : { owned: false };
}

/** How a run ended, as {@link finishRun} records it. */
export interface RunOutcome {
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /** The answer as JSON text; null unless it succeeded. */
  answerJson: string | null;
  error: { code: string; message: string } | null;
  /** The run's usage as JSON text, or null when it used no model. */
  usageJson: string | null;
  /** Input and output tokens of every model call of the run, charged to its budgets. */
  usedTokens: number;
}

/**
 * The oldest waiting run of thread `$threadParam` when no other run of it is RUNNING; the run
 * `$endingParam` (may be null) does not count as running: a statement that ends it still sees
 * it RUNNING in its snapshot.
 */
const nextWaitingRun = (threadParam: string, endingParam: string) =>
  `SELECT id FROM runs WHERE thread_id = ${threadParam} AND status = 'QUEUED'
     AND NOT EXISTS (
       SELECT 1 FROM runs x WHERE x.thread_id = ${threadParam} AND x.status = 'RUNNING'
         AND x.id IS DISTINCT FROM ${endingParam}
     )
   ORDER BY created_at, id LIMIT 1`;

const FINISH_RUN = `WITH finished AS (
    UPDATE runs SET status = $2, answer = $3, error_code = $4, error_message = $5,
      usage = $6, finished_at = now(), lease_until = NULL
    WHERE id = $1
  ), touched AS (
    UPDATE threads SET last_activity_at = now() WHERE id = $7
  )
  ${nextWaitingRun('$7', '$1::uuid')}`;

// Queuing twice is harmless: the second execution finds the run claimed.
async function queueWaitingRun(
  executor: SqlExecutor,
  queue: JobQueue,
  next: { rows: { id: string }[] },
): Promise<void> {
  const id = next.rows[0]?.id;
  if (id) await queue.enqueue<RunJobPayload>(RUN_QUEUE, [{ runId: id }], executor);
}

/**
 * Records how a run ended, marks its thread active, replaces its token reservation by what it
 * used and queues the thread's next waiting run, inside the caller's transaction: one
 * statement, plus the budgets' and the queue's when there is something to settle or queue.
 */
export async function finishRun(
  executor: SqlExecutor,
  queue: JobQueue,
  run: { id: string; threadId: string; reservation: TokenReservation },
  outcome: RunOutcome,
): Promise<void> {
  const next = await executor.query<{ id: string }>(FINISH_RUN, [
    run.id,
    outcome.status,
    outcome.answerJson,
    outcome.error?.code ?? null,
    outcome.error?.message ?? null,
    outcome.usageJson,
    run.threadId,
  ]);
  await settleTokens(executor, run.reservation, outcome.usedTokens);
  await queueWaitingRun(executor, queue, next);
}

/**
 * Queues the oldest waiting run of a thread when nothing runs on it. Called when a waiting run
 * is cancelled ({@link finishRun} does the same when a run ends).
 */
export async function enqueueNextRun(
  executor: SqlExecutor,
  queue: JobQueue,
  threadId: string,
): Promise<void> {
  const next = await executor.query<{ id: string }>(nextWaitingRun('$1', 'NULL::uuid'), [threadId]);
  await queueWaitingRun(executor, queue, next);
}

/**
 * Re-queues runs whose executing process died (lease expired) and, for cancelled runs that
 * never started, ends them. Run at worker start and periodically.
 * @returns how many runs were re-queued.
 */
export async function requeueStaleRuns(pool: pg.Pool, queue: JobQueue): Promise<number> {
  const stale = await pool.query<{ id: string }>(
    `SELECT id FROM runs WHERE status = 'RUNNING' AND lease_until < now()`,
  );
  await queue.enqueue<RunJobPayload>(
    RUN_QUEUE,
    stale.rows.map((r) => ({ runId: r.id })),
  );
  return stale.rows.length;
}
