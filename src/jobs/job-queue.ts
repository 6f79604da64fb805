import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { executorFor, JOB_SCHEMA, type SqlExecutor } from './boss-db.js';
import type { JobHandler } from './job-handler.js';
import { startLeaseSweeper } from './lease-sweeper.js';
import { startLeasedWorker, type LeasedWorker } from './leased-worker.js';

export { JOB_SCHEMA, type SqlExecutor } from './boss-db.js';
export type { JobAttempt, JobHandler } from './job-handler.js';

const JOB_SCHEMA_LOCK_ID = 0x626a6f62; // "bjob"

/** How long {@link JobQueue.stop} waits for running handlers. */
const STOP_TIMEOUT_MS = 10_000;

/** Options of {@link createJobQueue}. */
export interface JobQueueOptions {
  db: Database;
  logger: Logger;
  /** An active job not completed within this is retried elsewhere. Default: 300 s. */
  expireInSeconds?: number;
  /** How often expired jobs are looked for. Default: 60 s. */
  maintenanceIntervalSeconds?: number;
  /** Worker poll interval. Default: 0.5 s (pg-boss's minimum). */
  pollingIntervalSeconds?: number;
  /** Attempts after the first. Default: 5. */
  retryLimit?: number;
}

/** Options of {@link JobQueue.ensureQueue}. */
export interface QueueOptions {
  /**
   * Expiry of the queue's jobs, applied to an existing queue too. A leased queue takes its
   * lease here, so that a job whose process dies before its first renewal lapses as soon.
   * Default: {@link JobQueueOptions.expireInSeconds} for a new queue; an existing one keeps
   * its own.
   */
  expireInSeconds?: number;
}

/** Options of {@link JobQueue.work}. */
export interface WorkOptions {
  /**
   * Hold each job by a lease of this many seconds, renewed by this process while the
   * handler runs, instead of by the queue's expiry: a job whose process dies is retried
   * about one lease later, and a live handler keeps its job however long it runs. The
   * handler must be idempotent (a try stalled past its lease runs on beside the retry).
   * Default: none (the job expires after the queue's `expireInSeconds`).
   */
  leaseSeconds?: number;
}

/** Durable at-least-once jobs in Postgres (pg-boss), on the application's own pool. */
export interface JobQueue {
  /** Installs pg-boss's schema if needed and starts maintenance. */
  start(): Promise<void>;
  /** Creates queue `name` if missing; sets its expiry when `options` gives one. */
  ensureQueue(name: string, options?: QueueOptions): Promise<void>;
  /** Enqueues payloads; pass `executor` to enqueue inside the caller's transaction. */
  enqueue<T extends object>(name: string, payloads: T[], executor?: SqlExecutor): Promise<void>;
  /** Runs `handler` for each job of `name`; a throw fails the attempt and schedules a retry. */
  work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options?: WorkOptions,
  ): Promise<void>;
  /** Wakes one of this process's workers of `name` now instead of at its next poll. */
  wake(name: string): void;
  /** Returns jobs left active by a dead process to the queue. Only safe when no other process works `name`. */
  requeueOrphans(name: string): Promise<number>;
  /** Stops polling and waits for running handlers. */
  stop(): Promise<void>;
}

/**
 * A {@link JobQueue} on pg-boss, talking SQL through the application's pool, so it works
 * the same on the single PGlite connection and on a PostgreSQL pool.
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { db, logger } = options;
  const boss = new PgBoss({
    db: executorFor(db.pool),
    schema: JOB_SCHEMA,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const queueDefaults = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 300,
  };

  // pg-boss creates its schema and queue partitions without a lock: processes starting
  // together on one database would race (duplicate schema, deadlocks). A session lock
  // serialises them; PGlite belongs to one process, and its one connection can't be held.
  const withSchemaLock = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (db.mode === 'EMBEDDED') return fn();
    const client = await db.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [JOB_SCHEMA_LOCK_ID]);
      return await fn();
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1)', [JOB_SCHEMA_LOCK_ID])
        .catch(() => undefined);
      client.release();
    }
  };
  // Each worker of a queue, as the way to wake it: pg-boss's own, or a leased one.
  const wakers = new Map<string, (() => void)[]>();
  const addWaker = (name: string, waker: () => void) =>
    wakers.set(name, [...(wakers.get(name) ?? []), waker]);
  // One worker is enough to fetch what was just queued; waking all of them costs a poll each.
  let turn = 0;
  const wake = (name: string) => {
    const queueWakers = wakers.get(name) ?? [];
    queueWakers[turn++ % Math.max(queueWakers.length, 1)]?.();
  };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 0.5;
  const leasedWorkers: LeasedWorker[] = [];
  const sweepers = new Map<string, () => void>();

  const workLeased = async (name: string, handler: JobHandler<object>, leaseSeconds: number) => {
    if (!sweepers.has(name)) {
      // Claimed before the await, so that workers started together share one sweeper.
      sweepers.set(name, () => undefined);
      const stopSweeper = await startLeaseSweeper({
        boss,
        pool: db.pool,
        logger,
        name,
        leaseSeconds,
      });
      sweepers.set(name, stopSweeper);
    }
    const worker = startLeasedWorker({
      boss,
      pool: db.pool,
      logger,
      name,
      leaseSeconds,
      pollingIntervalSeconds,
      handler,
    });
    leasedWorkers.push(worker);
    addWaker(name, () => worker.notify());
  };

  return {
    async start() {
      await withSchemaLock(() => boss.start());
    },
    async ensureQueue(name, queueOptions = {}) {
      const { expireInSeconds } = queueOptions;
      await withSchemaLock(async () => {
        const existing = await boss.getQueue(name);
        if (!existing) {
          await boss.createQueue(name, { name, ...queueDefaults, ...queueOptions });
        } else if (expireInSeconds !== undefined && existing.expireInSeconds !== expireInSeconds) {
          await boss.updateQueue(name, { name, expireInSeconds });
        }
      });
    },
    async enqueue(name, payloads, executor) {
      if (payloads.length === 0) return;
      const jobs = payloads.map((data) => ({ name, data }));
      await boss.insert(jobs, executor ? { db: executorFor(executor) } : {});
    },
    wake,
    async work(name, handler, workOptions = {}) {
      const typed = handler as JobHandler<object>;
      if (workOptions.leaseSeconds !== undefined) {
        await workLeased(name, typed, workOptions.leaseSeconds);
        return;
      }
      const id = await boss.work<object>(
        name,
        { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          await typed(job.data, {
            jobId: job.id,
            retryCount: job.retryCount,
            lastAttempt: job.retryCount >= job.retryLimit,
          });
          // More jobs are likely queued behind this one: fetch again without the poll delay.
          wake(name);
        },
      );
      addWaker(name, () => boss.notifyWorker(id));
    },
    async requeueOrphans(name) {
      // pg-boss has no API to list active jobs; its table is read as in job-lease.ts.
      const active = await db.pool.query<{ id: string }>(
        `SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'active'`,
        [name],
      );
      const ids = active.rows.map((r) => r.id);
      if (ids.length > 0) await boss.fail(name, ids);
      return ids.length;
    },
    async stop() {
      for (const stopSweeper of sweepers.values()) stopSweeper();
      await Promise.all([
        ...leasedWorkers.map((worker) => worker.stop(STOP_TIMEOUT_MS)),
        boss.stop({ graceful: true, wait: true, close: false, timeout: STOP_TIMEOUT_MS }),
      ]);
    },
  };
}
