import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

/** Schema of pg-boss's own tables, apart from the application's. */
export const JOB_SCHEMA = 'ballast_jobs';

const JOB_SCHEMA_LOCK_ID = 0x626a6f62; // "bjob"

/** Something that runs SQL: the pool, or a client inside a transaction. */
export type SqlExecutor = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

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

/** Which try of a job a handler is running. */
export interface JobAttempt {
  jobId: string;
  /** 0 for the first try. */
  retryCount: number;
  /** No retry follows a failure of this try: the handler should record the failure itself. */
  lastAttempt: boolean;
}

/** Durable at-least-once jobs in Postgres (pg-boss), on the application's own pool. */
export interface JobQueue {
  /** Installs pg-boss's schema if needed and starts maintenance. */
  start(): Promise<void>;
  /** Creates queue `name` if missing. */
  ensureQueue(name: string): Promise<void>;
  /** Enqueues payloads; pass `executor` to enqueue inside the caller's transaction. */
  enqueue<T extends object>(name: string, payloads: T[], executor?: SqlExecutor): Promise<void>;
  /** Runs `handler` for each job of `name`; a throw fails the attempt and schedules a retry. */
  work<T extends object>(
    name: string,
    handler: (payload: T, attempt: JobAttempt) => Promise<void>,
  ): Promise<void>;
  /** Wakes one of this process's workers of `name` now instead of at its next poll. */
  wake(name: string): void;
  /** Returns jobs left active by a dead process to the queue. Only safe when no other process works `name`. */
  requeueOrphans(name: string): Promise<number>;
  /** Stops polling and waits for running handlers. */
  stop(): Promise<void>;
}

function executorFor(runner: SqlExecutor): PgBoss.Db {
  return { executeSql: (text, values) => runner.query(text, values) };
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
  const workerIds = new Map<string, string[]>();
  // One worker is enough to fetch what was just queued; waking all of them costs a poll each.
  let turn = 0;
  const wake = (name: string) => {
    const ids = workerIds.get(name) ?? [];
    const id = ids[turn++ % Math.max(ids.length, 1)];
    if (id) boss.notifyWorker(id);
  };

  return {
    async start() {
      await withSchemaLock(() => boss.start());
    },
    async ensureQueue(name) {
      await withSchemaLock(async () => {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...queueDefaults });
      });
    },
    async enqueue(name, payloads, executor) {
      if (payloads.length === 0) return;
      const jobs = payloads.map((data) => ({ name, data }));
      await boss.insert(jobs, executor ? { db: executorFor(executor) } : {});
    },
    wake,
    async work(name, handler) {
      const id = await boss.work<object>(
        name,
        {
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
          batchSize: 1,
          includeMetadata: true,
        },
        async ([job]) => {
          if (!job) return;
          await handler(job.data as never, {
            jobId: job.id,
            retryCount: job.retryCount,
            lastAttempt: job.retryCount >= job.retryLimit,
          });
          // More jobs are likely queued behind this one: fetch again without the poll delay.
          wake(name);
        },
      );
      workerIds.set(name, [...(workerIds.get(name) ?? []), id]);
    },
    async requeueOrphans(name) {
      // pg-boss has no API to list active jobs; reading its table is the one coupling.
      const active = await db.pool.query<{ id: string }>(
        `SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'active'`,
        [name],
      );
      const ids = active.rows.map((r) => r.id);
      if (ids.length > 0) await boss.fail(name, ids);
      return ids.length;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}
