import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/db/database.js';
import {
  BUDGET_DAY_MS,
  reserveTokens,
  settleTokens,
  type TokenBudget,
} from '../../../src/security/token-budgets.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`daily token budgets: reserve at submit, settle at the end (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  const now = Date.UTC(2026, 10, 29, 12);
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });
  const pool = () => database.db.pool;
  const points = async (key: string) =>
    (await pool().query<{ points: number }>('SELECT points FROM rate_limits WHERE key = $1', [key]))
      .rows[0]?.points;
  const reserve = (budgets: readonly TokenBudget[], tokens: number, at = now) =>
    withTransaction(pool(), (client) => reserveTokens(client, budgets, tokens, at));

  it('reserves on every budget while it fits, and names the first one it does not fit', async () => {
    const budgets = [
      { key: 'tok:alice', limit: 50 },
      { key: 'wstok:w1', limit: 100 },
    ];
    expect(await reserve(budgets, 30)).toBeNull();
    expect(await points('tok:alice')).toBe(30);
    expect(await points('wstok:w1')).toBe(30);
    // 60 > 50: nothing is reserved anywhere. The day runs from the first reservation.
    expect(await reserve(budgets, 30, now + 2000)).toEqual({
      key: 'tok:alice',
      msBeforeReset: BUDGET_DAY_MS - 2000,
    });
    expect(await points('wstok:w1')).toBe(30);
    // Another caller of the same workspace finds the workspace's budget full.
    expect(await reserve([{ key: 'tok:bob', limit: 100 }, budgets[1]!], 80)).toEqual({
      key: 'wstok:w1',
      msBeforeReset: BUDGET_DAY_MS,
    });
    expect(await points('tok:bob')).toBe(0);
  });

  it('settles a reservation with the tokens used, up or down, once', async () => {
    const budgets = [
      { key: 'tok:open', limit: 1000 },
      { key: 'wstok:w2', limit: 1000 },
    ];
    await reserve(budgets, 100);
    await reserve(budgets, 100);
    await settleTokens(pool(), { requestedBy: null, workspaceId: 'w2', reserved: 100 }, 40, now);
    await settleTokens(pool(), { requestedBy: null, workspaceId: 'w2', reserved: 100 }, 250, now);
    expect(await points('tok:open')).toBe(290);
    expect(await points('wstok:w2')).toBe(290);
  });

  it('concurrent reservations never overshoot a limit', async () => {
    const budgets = [
      { key: 'tok:erin', limit: 300 },
      { key: 'wstok:w3', limit: 10_000 },
    ];
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => reserve(budgets, 100)));
    expect(outcomes.filter((spent) => spent === null)).toHaveLength(3);
    expect(await points('tok:erin')).toBe(300);
  });

  it('starts a new day once the last one is over, for reservations and settlements', async () => {
    await reserve([{ key: 'tok:carol', limit: 100 }], 80);
    const nextDay = now + BUDGET_DAY_MS + 1;
    expect(await reserve([{ key: 'tok:carol', limit: 100 }], 80, nextDay)).toBeNull();
    expect(await points('tok:carol')).toBe(80);
    // A run reserved yesterday and settled today counts what it used, today.
    await reserve([{ key: 'wstok:w4', limit: 100 }], 50);
    await settleTokens(pool(), { requestedBy: 'dan', workspaceId: 'w4', reserved: 50 }, 7, nextDay);
    expect(await points('wstok:w4')).toBe(7);
  });

  it("reserves on counters rate-limiter-flexible wrote (the rows' format before)", async () => {
    const limiter = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'tok',
      points: 100,
      duration: BUDGET_DAY_MS / 1000,
    });
    await limiter.penalty('dave', 70);
    const at = Date.now();
    expect(await reserve([{ key: 'tok:dave', limit: 80 }], 20, at)).toMatchObject({
      key: 'tok:dave',
    });
    expect(await reserve([{ key: 'tok:dave', limit: 80 }], 5, at)).toBeNull();
    expect((await limiter.get('dave'))?.consumedPoints).toBe(75);
  });
});
