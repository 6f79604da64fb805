import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchedCounter } from '../../../src/security/batched-counter.js';
import { createRateLimits } from '../../../src/security/rate-limits.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

const caller = (subject: string) => ({ workspaceId: 'w1', role: 'reader' as const, subject });
/** Flushes only when a test says so. */
const MANUAL = { flushMs: 3_600_000 };

/** Whether `check` was admitted. */
const admitted = (check: Promise<void>) =>
  check.then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === 'RATE_LIMITED') return false;
      throw error;
    },
  );

// Request rate limits are decided in memory and added to the shared counters in batches: a
// request runs no SQL of its own, and replicas see each other's counts at every flush.
describe(`request rate limits in batches (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.destroy());

  it('counts a burst of 100 requests of 5 callers in one statement', async () => {
    const { pool } = database.db;
    const limits = createRateLimits(pool, { requestsPerMinute: 1000 }, MANUAL);
    let statements = 0;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    pool.query = ((...args: unknown[]) => {
      statements++;
      return query(...args);
    }) as typeof pool.query;
    try {
      for (let i = 0; i < 100; i++) await limits.checkRequest(caller(`burst-${i % 5}`));
      expect(statements).toBe(0);
      await limits.flush();
      expect(statements).toBe(1);
    } finally {
      pool.query = query as typeof pool.query;
    }
    const stored = await pool.query<{ points: number }>(
      `SELECT points FROM rate_limits WHERE key LIKE 'req:burst-%'`,
    );
    expect(stored.rows.map((r) => r.points)).toEqual([20, 20, 20, 20, 20]);
  });

  it('shares one limit between replicas from their next flush', async () => {
    const { pool } = database.db;
    const first = createRateLimits(pool, { requestsPerMinute: 10 }, MANUAL);
    const second = createRateLimits(pool, { requestsPerMinute: 10 }, MANUAL);
    for (let i = 0; i < 6; i++)
      expect(await admitted(first.checkRequest(caller('shared')))).toBe(true);
    await first.flush();

    expect(await admitted(second.checkRequest(caller('shared')))).toBe(true);
    await second.flush(); // learns of the first's 6: 7 of 10 used
    for (let i = 0; i < 3; i++)
      expect(await admitted(second.checkRequest(caller('shared')))).toBe(true);
    expect(await admitted(second.checkRequest(caller('shared')))).toBe(false);

    // The first knew 6 until its next flush: what it admits meanwhile is the overshoot.
    expect(await admitted(first.checkRequest(caller('shared')))).toBe(true);
    await second.flush();
    await first.flush(); // learns of every replica's points: 11

    expect(await admitted(first.checkRequest(caller('shared')))).toBe(false);
    const stored = await pool.query<{ points: number }>(
      `SELECT points FROM rate_limits WHERE key = 'req:shared'`,
    );
    expect(stored.rows).toEqual([{ points: 11 }]);
  });

  it('starts a new window when the last one ends', async () => {
    const counter = new BatchedCounter(database.db.pool, {
      keyPrefix: 'win',
      points: 2,
      durationMs: 300,
      ...MANUAL,
    });
    expect(counter.consume('k')).toEqual({ allowed: true });
    expect(counter.consume('k')).toEqual({ allowed: true });
    await counter.flush();
    const refused = counter.consume('k');
    expect(refused).toMatchObject({ allowed: false });
    const wait = (refused as { msBeforeNext: number }).msBeforeNext;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, wait + 20));
    expect(counter.consume('k')).toEqual({ allowed: true });
    await counter.flush();
    const stored = await database.db.pool.query<{ points: number }>(
      `SELECT points FROM rate_limits WHERE key = 'win:k'`,
    );
    expect(stored.rows).toEqual([{ points: 1 }]);
  });
});
