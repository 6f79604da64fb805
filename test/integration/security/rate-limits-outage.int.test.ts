import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate } from '../../../src/db/migrate.js';
import { createRateLimits, type RateLimits } from '../../../src/security/rate-limits.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';
import { createPrivateCluster, type PrivateCluster } from '../../support/private-cluster.js';

const caller = (subject: string) => ({ workspaceId: 'w1', role: 'reader' as const, subject });

/** `promise`, or a rejection once `ms` have passed. */
async function withDeadline<T>(promise: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Admits `limit` requests of `subject`, refuses the next one, all within 2 s. */
async function expectLimitedInProcess(limits: RateLimits, subject: string, limit: number) {
  const started = Date.now();
  for (let i = 0; i < limit; i++) await withDeadline(limits.checkRequest(caller(subject)));
  await expect(withDeadline(limits.checkRequest(caller(subject)))).rejects.toMatchObject({
    code: 'RATE_LIMITED',
    details: { retryAfterSeconds: expect.any(Number) },
  });
  // Limits stay per caller.
  await withDeadline(limits.checkRequest(caller(`${subject}-other`)));
  expect(Date.now() - started).toBeLessThan(2000);
}

describe.runIf(TEST_DATABASE_URL)('request rate limits without their database', () => {
  let cluster: PrivateCluster | undefined;
  let pool: pg.Pool;
  beforeAll(async () => {
    cluster = await createPrivateCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    // Idle clients die with the server; without a listener that would crash the worker.
    pool.on('error', () => undefined);
    await migrate(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await cluster?.destroy();
  });

  it('falls back to limits in this process: admits within the limit and refuses over it, at once', async () => {
    const limits = createRateLimits(pool, { requestsPerMinute: 3 });
    await limits.checkRequest(caller('before'));
    await limits.flush();
    const stored = await pool.query('SELECT key FROM rate_limits');
    expect(stored.rows).toEqual([{ key: 'req:before' }]);

    await cluster!.stop();
    await expectLimitedInProcess(limits, 'alice', 3);
  });
});

describe(`request rate limits when the database does not answer (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.destroy());

  it('decides at once while every connection is busy, and stores the counts after', async () => {
    const { pool } = database.db;
    const limits = createRateLimits(pool, { requestsPerMinute: 3 });
    // Every connection busy: a count waits in the pool's queue, as behind a stalled server.
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      await expectLimitedInProcess(limits, 'carol', 3);
    } finally {
      for (const client of held) client.release();
    }
    await withDeadline(limits.flush());
    const stored = await pool.query<{ key: string; points: number }>(
      `SELECT key, points FROM rate_limits WHERE key LIKE 'req:carol%' ORDER BY key`,
    );
    expect(stored.rows).toEqual([
      { key: 'req:carol', points: 3 },
      { key: 'req:carol-other', points: 1 },
    ]);
  });
});
