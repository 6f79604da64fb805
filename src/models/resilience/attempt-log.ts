import type { ModelAttempt } from '../types.js';
import type { CallStats } from './call-stats.js';

interface OpenAttempt {
  startedAt: number;
  at: string;
  closed: boolean;
}

/**
 * The attempts of one call on one model, reported in order. An attempt is closed once: when a
 * total timeout gives up on an attempt still in flight, the call closes it at once (so the
 * report stays in order) and the attempt's own late ending is ignored.
 */
export class AttemptLog {
  readonly #model: string;
  readonly #stats: CallStats;
  readonly #now: () => number;
  readonly #report: ((attempt: ModelAttempt) => void) | undefined;
  #current: OpenAttempt | undefined;

  constructor(
    model: string,
    stats: CallStats,
    now: () => number,
    report?: (attempt: ModelAttempt) => void,
  ) {
    this.#model = model;
    this.#stats = stats;
    this.#now = now;
    this.#report = report;
  }

  /** Starts an attempt (a request is about to be sent). */
  open(): OpenAttempt {
    this.#current = {
      startedAt: performance.now(),
      at: new Date(this.#now()).toISOString(),
      closed: false,
    };
    return this.#current;
  }

  /** Ends `attempt`: ok without `errorCode`. Cancelled attempts stay out of the stats. */
  close(attempt: OpenAttempt, errorCode?: string): void {
    if (attempt.closed) return;
    attempt.closed = true;
    const latencyMs = performance.now() - attempt.startedAt;
    if (errorCode !== 'CANCELLED') this.#stats.record(latencyMs, errorCode);
    this.#report?.({
      model: this.#model,
      outcome: errorCode === undefined ? 'ok' : 'error',
      ...(errorCode === undefined ? {} : { reason: errorCode }),
      latencyMs: Math.round(latencyMs),
      at: attempt.at,
    });
  }

  /** Ends the latest attempt if it is still open. */
  closeCurrent(errorCode: string): void {
    if (this.#current) this.close(this.#current, errorCode);
  }

  /** Reports a call skipped without a request. */
  skipped(reason: string): void {
    this.#report?.({
      model: this.#model,
      outcome: 'skipped',
      reason,
      latencyMs: 0,
      at: new Date(this.#now()).toISOString(),
    });
  }
}
