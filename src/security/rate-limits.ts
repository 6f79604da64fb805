import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors.js';
import type { SqlExecutor } from '../jobs/job-queue.js';
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
   * How long a request's count may wait for the database before this process counts it alone.
   * Default: 500 ms.
   */
  storeTimeoutMs?: number;
}

/**
 * Request rate and model-token budgets, counted in Postgres so every replica shares them.
 * Without the database, request rates are counted in each process instead (see
 * {@link createRateLimits}); token budgets are not.
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
}

function limited(retryMs: number, what: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  return new AppError('RATE_LIMITED', `${what}; retry in ${retryAfterSeconds} s`, {
    details: { retryAfterSeconds },
  });
}

/**
 * Creates the limits on the `rate_limits` table (migration 000009). A request whose count fails
 * or takes longer than `storeTimeoutMs` (the database is down or saturated) is counted by
 * rate-limiter-flexible's insurance limiter instead: the same limit, in this process's memory
 * (so up to one limit per replica while it lasts), never an error.
 */
export function createRateLimits(
  pool: pg.Pool,
  settings: RateLimitSettings = {},
  options: RateLimitOptions = {},
): RateLimits {
  const requestLimit = {
    keyPrefix: 'req',
    points: settings.requestsPerMinute ?? 600,
    duration: 60,
  };
  const requests = new RLWrapperTimeouts({
    limiter: new RateLimiterPostgres({
      ...requestLimit,
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    }),
    timeoutMs: options.storeTimeoutMs ?? 500,
    insuranceLimiter: new RateLimiterMemory(requestLimit),
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
      try {
        await requests.consume(principal.subject);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw limited(error.msBeforeNext, 'too many requests');
        throw error;
      }
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
  };
}
