import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGET_DAY_MS,
  chargeBudgets,
  findSpentBudget,
} from '../../../src/security/token-budgets.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`daily token budgets in one statement each (${TEST_DATABASE_MODE})`, () => {
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

  it('charges every budget of a run, and names the first spent one in order', async () => {
    const budgets = [
      { key: 'tok:alice', limit: 50 },
      { key: 'wstok:w1', limit: 100 },
    ];
    expect(await findSpentBudget(pool(), budgets, now)).toBeNull();
    await chargeBudgets(pool(), ['tok:alice', 'wstok:w1'], 30, now);
    expect(await findSpentBudget(pool(), budgets, now)).toBeNull();
    await chargeBudgets(pool(), ['tok:alice', 'wstok:w1'], 30, now + 1000);
    expect(await points('tok:alice')).toBe(60);
    // The day runs from the first charge, not the last.
    expect(await findSpentBudget(pool(), budgets, now + 2000)).toEqual({
      key: 'tok:alice',
      msBeforeReset: BUDGET_DAY_MS - 2000,
    });
    // Another caller of the same workspace spends the workspace's budget.
    await chargeBudgets(pool(), ['tok:bob', 'wstok:w1'], 45, now);
    expect(
      await findSpentBudget(pool(), [{ key: 'tok:bob', limit: 50 }, budgets[1]!], now),
    ).toEqual({ key: 'wstok:w1', msBeforeReset: BUDGET_DAY_MS });
  });

  it('starts a new day once the last one is over', async () => {
    await chargeBudgets(pool(), ['tok:carol'], 80, now);
    const nextDay = now + BUDGET_DAY_MS + 1;
    expect(await findSpentBudget(pool(), [{ key: 'tok:carol', limit: 50 }], nextDay)).toBeNull();
    await chargeBudgets(pool(), ['tok:carol'], 10, nextDay);
    expect(await points('tok:carol')).toBe(10);
    expect(await findSpentBudget(pool(), [{ key: 'tok:carol', limit: 10 }], nextDay)).toMatchObject(
      { key: 'tok:carol', msBeforeReset: BUDGET_DAY_MS },
    );
  });

  it("reads and adds to counters rate-limiter-flexible wrote (the rows' format before)", async () => {
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
    expect(await findSpentBudget(pool(), [{ key: 'tok:dave', limit: 70 }], at)).toMatchObject({
      key: 'tok:dave',
    });
    await chargeBudgets(pool(), ['tok:dave'], 5, at);
    expect((await limiter.get('dave'))?.consumedPoints).toBe(75);
  });
});
