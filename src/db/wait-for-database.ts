import { handleWhen, retry } from 'cockatiel';
import type pg from 'pg';
import { linkSignals } from '../models/resilience/signals.js';
import { isDatabaseUnavailable } from './connection-errors.js';
import { reconnectBackoff } from './reconnect-backoff.js';

/** Options of {@link waitForDatabase}. */
export interface WaitForDatabaseOptions {
  /** Give up after this long. Default: wait until `signal` aborts. */
  timeoutMs?: number;
  /** Stops waiting (the process is stopping, the run was cancelled). Default: none. */
  signal?: AbortSignal;
  /** First pause between probes, doubled per failure. Default: 100 ms. */
  initialDelayMs?: number;
  /** Cap of that pause. Default: 5000 ms. */
  maxDelayMs?: number;
  /** Told each failed probe's error (to report why, when the wait ends false). Default: none. */
  onProbeFailure?: (error: unknown) => void;
}

/**
 * Resolves true once `SELECT 1` answers through `pool`, probing with capped exponential
 * backoff (half jitter) while the database is unreachable; false when `timeoutMs` passes or
 * `signal` aborts first (after the pause in progress). Errors other than "unreachable" end the
 * wait with false too.
 */
export async function waitForDatabase(
  pool: Pick<pg.Pool, 'query'>,
  options: WaitForDatabaseOptions = {},
): Promise<boolean> {
  // A timer and a controller held here, not AbortSignal.timeout inside AbortSignal.any: on
  // Node 20 a garbage collection loses that timeout signal, and the wait never ends.
  const deadline = new AbortController();
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => deadline.abort(new Error('timed out')), options.timeoutMs).unref();
  const stop = linkSignals([options.signal, deadline.signal]);
  const policy = retry(handleWhen(isDatabaseUnavailable), {
    maxAttempts: Infinity,
    backoff: reconnectBackoff({
      ...(options.initialDelayMs ? { initialDelayMs: options.initialDelayMs } : {}),
      ...(options.maxDelayMs ? { maxDelayMs: options.maxDelayMs } : {}),
    }),
  }).dangerouslyUnref();
  try {
    await policy.execute(async ({ signal }) => {
      signal.throwIfAborted();
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        options.onProbeFailure?.(error);
        throw error;
      }
    }, stop.signal);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    stop.dispose();
  }
}
