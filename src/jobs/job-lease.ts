import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { withTransaction } from '../db/database.js';
import { executorFor, JOB_SCHEMA } from './boss-db.js';

// pg-boss 10 has neither heartbeats nor leases: an active job expires once
// `started_on + expire_in` has passed, whoever still works it. A lease is that expiry moved
// forward by the process working the job. These statements use columns of pg-boss's `job`
// table (schema version 24); completing and failing still go through pg-boss's own commands.

/**
 * One try of a job: a job failed for a retry keeps its id, and its next fetch raises its
 * retry count, so the pair tells the try a process holds from a later one.
 */
export interface JobTry {
  name: string;
  id: string;
  retryCount: number;
}

/** How a handler ended: done, or failed with `error` (retried while retries remain). */
export type JobOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * Extends the lease of a job try this process works: the job now expires `leaseSeconds`
 * from now.
 * @returns false when the try is no longer held (its lease lapsed and the job was failed
 *   for a retry, which another process may be working): it must not be settled here.
 */
export async function renewJobLease(
  pool: pg.Pool,
  job: JobTry,
  leaseSeconds: number,
): Promise<boolean> {
  const result = await pool.query(
    `UPDATE ${JOB_SCHEMA}.job SET expire_in = now() - started_on + make_interval(secs => $4)
     WHERE name = $1 AND id = $2 AND retry_count = $3 AND state = 'active'`,
    [job.name, job.id, job.retryCount, leaseSeconds],
  );
  return (result.rowCount ?? 0) > 0;
}

/**
 * Completes a job try, or fails it for a retry, if it is still held: the row is locked and
 * checked in the same transaction, so a try whose lease lapsed never ends the retry that
 * another process now works.
 * @returns false when the try was no longer held and nothing was recorded.
 */
export async function settleJob(
  boss: PgBoss,
  pool: pg.Pool,
  job: JobTry,
  outcome: JobOutcome,
): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    const held = await client.query(
      `SELECT 1 FROM ${JOB_SCHEMA}.job
       WHERE name = $1 AND id = $2 AND retry_count = $3 AND state = 'active' FOR UPDATE`,
      [job.name, job.id, job.retryCount],
    );
    if (!held.rowCount) return false;
    const db = executorFor(client);
    if (outcome.ok) await boss.complete(job.name, job.id, {}, { db });
    else await boss.fail(job.name, job.id, { message: messageOf(outcome.error) }, { db });
    return true;
  });
}

/**
 * Fails, for a retry, the active jobs of queue `name` whose lease lapsed (their process
 * stopped renewing it: it died or lost the database), so that a live worker takes them now
 * rather than at pg-boss's next maintenance pass. Rows being renewed or settled are locked
 * and skipped: a renewal either lands before the check or finds the job gone.
 * @returns how many jobs were returned to the queue.
 */
export async function failLapsedJobs(boss: PgBoss, pool: pg.Pool, name: string): Promise<number> {
  return withTransaction(pool, async (client) => {
    const lapsed = await client.query<{ id: string }>(
      `SELECT id FROM ${JOB_SCHEMA}.job
       WHERE name = $1 AND state = 'active' AND started_on + expire_in < now()
       FOR UPDATE SKIP LOCKED`,
      [name],
    );
    const db = executorFor(client);
    for (const { id } of lapsed.rows) {
      await boss.fail(
        name,
        id,
        { message: 'lease lapsed: its process stopped renewing it' },
        { db },
      );
    }
    return lapsed.rows.length;
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
