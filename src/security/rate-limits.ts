import type pg from 'pg';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors.js';
import type { SqlExecutor } from '../jobs/job-queue.js';
import { BatchedCounter } from './batched-counter.js';
import { budgetKeys, reserveTokens } from './token-budgets.js';

/** Limits of {@link createRateLimits}. */
export interface RateLimitSettings {
  /** Operations per minute per caller. Default: 600. */
  requestsPerMinute?: number;
  /** Model tokens per day per caller (key or JWT subject). Default: 1,000,000. */
  tokensPerDayPerCaller?: number;
  /** Model tokens per day per workspace. Default: 5,000,000. */
  tokensPerDayPerWorkspace?: number;
  /**
   * Tokens a run reserves on both budgets when it is asked, replaced by what it used when it
   * ends. At most the smaller of the two daily budgets. Default: 9,216 (the answer prompt's
   * default budget, 8,192 in and 1,024 out).
   */
  tokensReservedPerRun?: number;
}

/** Default of {@link RateLimitSettings.tokensReservedPerRun}. */
export const DEFAULT_TOKENS_RESERVED_PER_RUN = 9_216;

/** Tuning of {@link createRateLimits}, apart from the limits themselves. */
export interface RateLimitOptions {
  /**
   * How long request counts wait in memory before they are added to the shared counters (one
   * statement for every caller). Default: 100 ms.
   */
  flushMs?: number;
}

/**
 * Request rate and model-token budgets, counted in Postgres so every replica shares them.
 * Request rates are decided in memory and reconciled in batches (see {@link BatchedCounter});
 * token budgets are reserved in the transaction of the run.
 */
export interface RateLimits {
  /** Counts one operation. @throws {AppError} `RATE_LIMITED` with `retryAfterSeconds`. */
  checkRequest(principal: Principal): Promise<void>;
  /**
   * Reserves a run's estimated tokens on its caller's and workspace's daily budgets, inside the
   * transaction that stores the run; returns the tokens reserved. The run's end replaces them
   * by its real usage (see `settleTokens`).
   * @throws {AppError} `RATE_LIMITED` with `retryAfterSeconds` when the reservation does not fit.
   */
  reserveTokens(
    executor: SqlExecutor,
    principal: Pick<Principal, 'subject' | 'workspaceId'>,
  ): Promise<number>;
  /** Sends the request counts still in memory now (at shutdown); never rejects. */
  flush(): Promise<void>;
}

function limited(retryMs: number, what: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  return new AppError('RATE_LIMITED', `${what}; retry in ${retryAfterSeconds} s`, {
    details: { retryAfterSeconds },
  });
}

/**
 * Creates the limits on the `rate_limits` table (migration 000009). A request is decided in
 * memory, at once, whatever the database's state: see {@link BatchedCounter} for how replicas
 * share the counts and what a database outage changes.
 */
export function createRateLimits(
  pool: pg.Pool,
  settings: RateLimitSettings = {},
  options: RateLimitOptions = {},
): RateLimits {
  const requests = new BatchedCounter(pool, {
    keyPrefix: 'req',
    points: settings.requestsPerMinute ?? 600,
    durationMs: 60_000,
    ...(options.flushMs ? { flushMs: options.flushMs } : {}),
  });
  const callerLimit = settings.tokensPerDayPerCaller ?? 1_000_000;
  const workspaceLimit = settings.tokensPerDayPerWorkspace ?? 5_000_000;
  // A reservation larger than a budget would refuse every run: it is at most the smaller one.
  const reservedPerRun = Math.min(
    settings.tokensReservedPerRun ?? DEFAULT_TOKENS_RESERVED_PER_RUN,
    callerLimit,
    workspaceLimit,
  );
  return {
    async checkRequest(principal) {
      const decided = requests.consume(principal.subject);
      if (!decided.allowed) throw limited(decided.msBeforeNext, 'too many requests');
    },
    async reserveTokens(executor, principal) {
      const [caller, workspace] = budgetKeys(principal.subject, principal.workspaceId);
      const spent = await reserveTokens(
        executor,
        [
          { key: caller, limit: callerLimit },
          { key: workspace, limit: workspaceLimit },
        ],
        reservedPerRun,
      );
      if (!spent) return reservedPerRun;
      throw limited(
        spent.msBeforeReset,
        spent.key === caller
          ? 'the daily model token budget of this caller has no room for another run'
          : 'the daily model token budget of this workspace has no room for another run',
      );
    },
    flush: () => requests.flush(),
  };
}
