import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors.js';

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

const DAY_SECONDS = 86_400;

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
  const callerTokens = new RateLimiterPostgres({
    ...common,
    keyPrefix: 'tok',
    points: settings.tokensPerDayPerCaller ?? 1_000_000,
    duration: DAY_SECONDS,
  });
  const workspaceTokens = new RateLimiterPostgres({
    ...common,
    keyPrefix: 'wstok',
    points: settings.tokensPerDayPerWorkspace ?? 5_000_000,
    duration: DAY_SECONDS,
  });
  const spent = async (limiter: RateLimiterPostgres, key: string) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= limiter.points ? state.msBeforeNext : null;
  };
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
      const caller = await spent(callerTokens, principal.subject);
      if (caller !== null)
        throw limited(caller, 'the daily model token budget of this caller is spent');
      const workspace = await spent(workspaceTokens, principal.workspaceId);
      if (workspace !== null)
        throw limited(workspace, 'the daily model token budget of this workspace is spent');
    },
    async chargeTokens(principal, tokens) {
      if (tokens <= 0) return;
      await callerTokens.penalty(principal.subject, tokens);
      await workspaceTokens.penalty(principal.workspaceId, tokens);
    },
  };
}
