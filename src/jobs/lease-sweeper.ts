import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { failLapsedJobs } from './job-lease.js';

/** Options of {@link startLeaseSweeper}. */
export interface LeaseSweeperOptions {
  boss: PgBoss;
  pool: pg.Pool;
  logger: Logger;
  /** The leased queue. */
  name: string;
  /** The queue's lease; the sweep runs every third of it. */
  leaseSeconds: number;
}

/**
 * Returns the lapsed jobs of a leased queue to it now and then every third of a lease, so
 * a dead process's job is retried about one lease after its last renewal (pg-boss's own
 * maintenance would find it too, but only every maintenance interval). Every process may
 * sweep: sweeps skip rows another one holds.
 * @returns a function that stops the sweeper.
 */
export async function startLeaseSweeper(options: LeaseSweeperOptions): Promise<() => void> {
  const { boss, pool, logger, name } = options;
  let sweeping = false;
  // Logged when sweeps start failing and when they work again, not every third of a lease.
  let failing = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const requeued = await failLapsedJobs(boss, pool, name);
      if (failing) logger.info({ queue: name }, 'lease sweeps work again');
      failing = false;
      if (requeued > 0) logger.info({ queue: name, requeued }, 'jobs of a lapsed lease re-queued');
    } catch (error) {
      if (!failing) logger.warn({ err: error, queue: name }, 'lease sweep failed');
      failing = true;
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), (options.leaseSeconds * 1000) / 3);
  timer.unref();
  return () => clearInterval(timer);
}
