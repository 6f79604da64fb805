import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { chargeBudgets, findSpentBudget } from './token-budgets.js';

/** Limits of {@link createRateLimits}. */
export interface RateLimitSettings {
  /** Operations per minute per caller. Default: 600. */
  requestsPerMinute?: number;
  /** Model tokens per day per caller (key or JWT subject). Default: 1,000,000. */
  tokensPerDayPerCaller?: number;
  /** Model tokens per day per workspace. Default: 5,000,000. */
  tokensPerDayPerWorkspace?: number;
}

/** Request rate and model-token budgets, counted in Postgres so every replica shares them. */
export interface RateLimits {
  /** Counts one operation. @throws {AppError} `RATE_LIMITED` with `retryAfterSeconds`. */
  checkRequest(principal: Principal): Promise<void>;
  /** Refuses new model work once a budget is spent. @throws {AppError} `RATE_LIMITED`. */
  assertTokenBudget(principal: Pick<Principal, 'subject' | 'workspaceId'>): Promise<void>;
  /** Charges tokens a run used to its caller and workspace. */
  chargeTokens(
    principal: Pick<Principal, 'subject' | 'workspaceId'>,
    tokens: number,
  ): Promise<void>;
}

function limited(retryMs: number, what: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  return new AppError('RATE_LIMITED', `${what}; retry in ${retryAfterSeconds} s`, {
    details: { retryAfterSeconds },
  });
}

/** Creates the limits on the `rate_limits` table (migration 000009). */
export function createRateLimits(pool: pg.Pool, settings: RateLimitSettings = {}): RateLimits {
  const common = {
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  const requests = new RateLimiterPostgres({
    ...common,
    keyPrefix: 'req',
    points: settings.requestsPerMinute ?? 600,
    duration: 60,
  });
  const callerLimit = settings.tokensPerDayPerCaller ?? 1_000_000;
  const workspaceLimit = settings.tokensPerDayPerWorkspace ?? 5_000_000;
  const callerKey = (subject: string) => `tok:${subject}`;
  const workspaceKey = (workspaceId: string) => `wstok:${workspaceId}`;
  return {
    async checkRequest(principal) {
      try {
        await requests.consume(principal.subject);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw limited(error.msBeforeNext, 'too many requests');
        throw error;
      }
    },
    async assertTokenBudget(principal) {
      const caller = callerKey(principal.subject);
      const spent = await findSpentBudget(pool, [
        { key: caller, limit: callerLimit },
        { key: workspaceKey(principal.workspaceId), limit: workspaceLimit },
      ]);
      if (!spent) return;
      throw limited(
        spent.msBeforeReset,
        spent.key === caller
          ? 'the daily model token budget of this caller is spent'
          : 'the daily model token budget of this workspace is spent',
      );
    },
    async chargeTokens(principal, tokens) {
      if (tokens <= 0) return;
      await chargeBudgets(
        pool,
        [callerKey(principal.subject), workspaceKey(principal.workspaceId)],
        tokens,
      );
    },
  };
}
