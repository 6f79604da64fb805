import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import type { JobHandler } from './job-handler.js';
import { renewJobLease, settleJob, type JobOutcome, type JobTry } from './job-lease.js';

/** Options of {@link startLeasedWorker}. */
export interface LeasedWorkerOptions<T> {
  boss: PgBoss;
  pool: pg.Pool;
  logger: Logger;
  /** The queue to work. */
  name: string;
  /** A job not renewed within this is taken from this process. Renewed every third of it. */
  leaseSeconds: number;
  /** Wait between fetches that found nothing, unless woken. */
  pollingIntervalSeconds: number;
  handler: JobHandler<T>;
}

/** A started {@link startLeasedWorker}. */
export interface LeasedWorker {
  /** Fetches now instead of at the next poll. */
  notify(): void;
  /** Stops fetching and waits up to `timeoutMs` for the job in hand. */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * Works queue `name` one job at a time, holding each job by a lease this process renews
 * while the handler runs, however long it runs. A job whose process dies lapses after one
 * lease and is failed for a retry (see `failLapsedJobs`). pg-boss's own `work()` cannot do
 * this: it rejects a handler that outlives the job's expiry, so a short expiry would take
 * long jobs from live workers.
 *
 * A try whose lease lapsed while its process lived (stalled for a whole lease) runs to its
 * end beside the retry, then leaves the job to the retry: handlers must be idempotent.
 */
export function startLeasedWorker<T extends object>(options: LeasedWorkerOptions<T>): LeasedWorker {
  const { boss, logger, name } = options;
  let stopping = false;
  let notified = false;
  let wake: (() => void) | undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  const loop = (async () => {
    while (!stopping) {
      notified = false;
      let job: PgBoss.JobWithMetadata<T> | undefined;
      try {
        [job] = await boss.fetch<T>(name, { batchSize: 1, includeMetadata: true });
        if (job) await workLeased(options, job);
      } catch (error) {
        logger.error({ err: error, queue: name }, 'leased job worker error');
      }
      // After a job, more are likely queued behind it: fetch again without the poll delay.
      if (!job && !stopping && !notified) await nap(options.pollingIntervalSeconds * 1000);
    }
  })();

  return {
    notify() {
      notified = true;
      wake?.();
    },
    async stop(timeoutMs) {
      stopping = true;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([loop, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}

async function workLeased<T extends object>(
  options: LeasedWorkerOptions<T>,
  job: PgBoss.JobWithMetadata<T>,
): Promise<void> {
  const { boss, pool, logger, name, leaseSeconds } = options;
  const held: JobTry = { name, id: job.id, retryCount: job.retryCount };
  // The job was fetched with its queue's expiry: the lease starts now. A try already failed
  // by a sweeper (a fetch slower than a lease) is not worked.
  if (!(await renewJobLease(pool, held, leaseSeconds))) return;
  let lost = false;
  const heartbeat = setInterval(
    () => {
      renewJobLease(pool, held, leaseSeconds)
        .then((owned) => {
          if (owned || lost) return;
          lost = true;
          logger.warn(
            { queue: name, jobId: job.id, retryCount: job.retryCount },
            'job lease lapsed; it is retried elsewhere while this try runs to its end',
          );
        })
        // A missed renewal is retried at the next beat; the lease outlasts two misses.
        .catch(() => undefined);
    },
    (leaseSeconds * 1000) / 3,
  );
  let outcome: JobOutcome;
  try {
    await options.handler(job.data, {
      jobId: job.id,
      retryCount: job.retryCount,
      lastAttempt: job.retryCount >= job.retryLimit,
    });
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
    logger.warn({ err: error, queue: name, jobId: job.id }, 'job try failed');
  } finally {
    clearInterval(heartbeat);
  }
  await settleJob(boss, pool, held, outcome);
}
