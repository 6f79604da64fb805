import {
  CircuitState,
  ConsecutiveBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import type { Logger } from '../../logger.js';
import { recordCircuitTransition, recordRetry } from '../../telemetry/index.js';
import type { BreakerSettings } from '../config-schema.js';
import { ModelCallError, failureOf, toModelCallError } from '../failures.js';
import type { CircuitStateName, ModelAttempt } from '../types.js';
import { AttemptLog } from './attempt-log.js';
import { CallStats, type CallStatsSnapshot } from './call-stats.js';
import { clockedCoolDown } from './clocked-cool-down.js';
import { retryBackoff, type RetryBackoffOptions } from './retry-backoff.js';
import { linkSignals } from './signals.js';

/** Default longest `Retry-After` honoured; a longer one gives up on the model at once. */
export const DEFAULT_RETRY_AFTER_CAP_MS = 10_000;

/** Options of {@link ModelPolicy}. */
export interface ModelPolicyOptions {
  /** Model id, for attempts and logs. */
  id: string;
  /** Budget of one call on this model, every retry and backoff included. */
  timeoutMs: number;
  /** Retries after the first attempt, for retryable failures only. */
  maxRetries: number;
  breaker: BreakerSettings;
  /** Longest `Retry-After` honoured. Default: {@link DEFAULT_RETRY_AFTER_CAP_MS}. */
  retryAfterCapMs?: number;
  /** Backoff tuning. Default: 200 ms doubling to 5 s, equal jitter. */
  backoff?: RetryBackoffOptions;
  logger: Logger;
  /** Clock for attempt stamps, stats windows and breaker cool-downs. Default: `Date.now`. */
  now?: () => number;
  /** Aborting it cancels every call in flight (registry shutdown). Default: none. */
  shutdownSignal?: AbortSignal;
}

/** What one attempt receives. */
export interface AttemptContext {
  /** Aborts on timeout, caller cancel and shutdown: pass it to the HTTP request. */
  signal: AbortSignal;
  /** Aborted only by the caller or shutdown: tells a cancel from a timeout. */
  callerSignal: AbortSignal;
  /** 0 for the first request of the call, 1 for the first retry… */
  attempt: number;
}

/** Options of {@link ModelPolicy.execute}. */
export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Called once per attempt, in order, including a `skipped` one when the circuit is open. */
  onAttempt?: (attempt: ModelAttempt) => void;
}

/**
 * One model's resilience, built on cockatiel: a total timeout (aggressive, so backoff sleeps are
 * cut short too) around retries with backoff (retryable failures only, `Retry-After` honoured up
 * to a cap) around a consecutive-failure circuit breaker (open → half-open probe after the
 * cool-down → closed). Every attempt is reported and counted in {@link CallStats}.
 */
export class ModelPolicy {
  readonly id: string;
  readonly stats: CallStats;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #pipeline: IPolicy;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  readonly #shutdownSignal: AbortSignal | undefined;
  #openedAt = 0;

  constructor(options: ModelPolicyOptions) {
    this.id = options.id;
    this.#now = options.now ?? Date.now;
    this.#cooldownMs = options.breaker.cooldownMs;
    this.#shutdownSignal = options.shutdownSignal;
    this.stats = new CallStats({ now: this.#now });
    const cap = options.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS;
    const retryable = (error: Error): boolean =>
      error instanceof ModelCallError &&
      error.failure.retryable &&
      (error.failure.retryAfterMs ?? 0) <= cap;
    this.#breaker = circuitBreaker(
      handleWhen((error) => error instanceof ModelCallError && error.failure.countsAsFailure),
      {
        halfOpenAfter: clockedCoolDown(() => this.#coolingDown()),
        breaker: new ConsecutiveBreaker(options.breaker.failureThreshold),
      },
    );
    this.#pipeline = wrap(
      timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
      retry(handleWhen(retryable), {
        maxAttempts: options.maxRetries,
        backoff: retryBackoff(options.backoff),
      }),
      this.#breaker,
    );
    const log = options.logger.child({ model: options.id });
    this.#breaker.onBreak(() => {
      // cockatiel keeps its own openedAt private, on its own clock; the cool-down runs on ours.
      this.#openedAt = this.#now();
      log.warn({ event: 'circuit_open' }, 'model circuit opened');
      recordCircuitTransition(this.id, 'OPEN');
    });
    this.#breaker.onHalfOpen(() => {
      log.info({ event: 'circuit_half_open' }, 'model circuit probing');
      recordCircuitTransition(this.id, 'HALF_OPEN');
    });
    this.#breaker.onReset(() => {
      log.info({ event: 'circuit_closed' }, 'model circuit closed');
      recordCircuitTransition(this.id, 'CLOSED');
    });
  }

  /** CLOSED, OPEN, or HALF_OPEN (probing, or cooled down so the next call will probe). */
  circuitState(): CircuitStateName {
    const state = this.#breaker.state;
    if (state === CircuitState.Closed) return 'CLOSED';
    if (state === CircuitState.HalfOpen) return 'HALF_OPEN';
    if (state === CircuitState.Open && !this.#coolingDown()) return 'HALF_OPEN';
    return 'OPEN';
  }

  #coolingDown(): boolean {
    return this.#now() - this.#openedAt < this.#cooldownMs;
  }

  /** True when a call would be skipped: open and cooling down, or a probe is in flight. */
  isOpen(): boolean {
    const state = this.circuitState();
    return state === 'OPEN' || this.#breaker.state === CircuitState.HalfOpen;
  }

  /** Figures for status. */
  snapshot(): CallStatsSnapshot {
    return this.stats.snapshot();
  }

  /**
   * Runs `attempt` under the policies. Throws a {@link ModelCallError}: `CIRCUIT_OPEN` (no
   * request made), `CANCELLED`, `TIMEOUT`, or the last attempt's failure.
   */
  async execute<T>(
    attempt: (ctx: AttemptContext) => Promise<T>,
    options: ExecuteOptions = {},
  ): Promise<T> {
    const caller = linkSignals([options.signal, this.#shutdownSignal]);
    const log = new AttemptLog(this.id, this.stats, this.#now, options.onAttempt);
    const classify = (error: unknown) =>
      toModelCallError(this.id, error, { cancelled: caller.signal.aborted, outputStarted: false });
    let attempts = 0;
    let lastFailure = '';
    try {
      if (caller.signal.aborted) throw new ModelCallError(this.id, failureOf('CANCELLED'));
      if (this.isOpen()) throw new ModelCallError(this.id, failureOf('CIRCUIT_OPEN'));
      return await this.#pipeline.execute(async ({ signal }) => {
        // The aggressive timeout has already given up on this call; do not start a request.
        if (signal.aborted) throw new Error('abandoned');
        const number = attempts++;
        if (number > 0) recordRetry(this.id, number, lastFailure);
        const entry = log.open();
        try {
          const value = await attempt({ signal, callerSignal: caller.signal, attempt: number });
          log.close(entry);
          return value;
        } catch (error) {
          const failure = classify(error);
          log.close(entry, failure.failure.code);
          lastFailure = failure.failure.code;
          throw failure;
        }
      }, caller.signal);
    } catch (error) {
      const failure = classify(error);
      log.closeCurrent(failure.failure.code);
      if (failure.failure.code === 'CIRCUIT_OPEN') log.skipped('CIRCUIT_OPEN');
      throw failure;
    } finally {
      caller.dispose();
    }
  }
}
