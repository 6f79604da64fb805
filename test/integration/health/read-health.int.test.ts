import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from '../../../src/db/database.js';
import { migrate, readMigrations } from '../../../src/db/migrate.js';
import { readHealth } from '../../../src/health/read-health.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';
import { createPrivateCluster, type PrivateCluster } from '../../support/private-cluster.js';
import { waitFor } from '../../support/wait-for.js';

describe.runIf(TEST_DATABASE_URL)('health without its database', () => {
  let cluster: PrivateCluster | undefined;
  let db: Database;
  beforeAll(async () => {
    cluster = await createPrivateCluster();
    const pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    // Idle clients die with the server; without a listener that would crash the worker.
    pool.on('error', () => undefined);
    await migrate(pool);
    db = { pool, mode: 'POSTGRES', close: () => pool.end() };
  });
  afterAll(async () => {
    await db?.close();
    await cluster?.destroy();
  });

  it('is DEGRADED at once while the server is down, and OK again once it is back', async () => {
    const ok = {
      status: 'OK',
      databaseMode: 'POSTGRES',
      pgvectorVersion: expect.any(String),
      schemaVersion: (await readMigrations()).length,
      serverVersion: 'v',
    };
    expect(await readHealth(db, 'v')).toEqual(ok);

    await cluster!.stop();
    const started = Date.now();
    expect(await readHealth(db, 'v')).toEqual({
      status: 'DEGRADED',
      databaseMode: 'POSTGRES',
      pgvectorVersion: null,
      schemaVersion: 0,
      serverVersion: 'v',
    });
    expect(Date.now() - started).toBeLessThan(1500);

    await cluster!.start();
    const back = await waitFor(async () => {
      const report = await readHealth(db, 'v');
      return report.status === 'OK' ? report : undefined;
    }, 10_000);
    expect(back).toEqual(ok);
  });
});

describe(`health when the database does not answer (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.destroy());

  it('is DEGRADED once timeoutMs has passed', { timeout: 10_000 }, async () => {
    const { pool } = database.db;
    // Every connection busy: the health query waits in the pool's queue, as behind a stalled server.
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      const started = Date.now();
      const report = await readHealth(database.db, 'v', { timeoutMs: 200 });
      expect(report.status).toBe('DEGRADED');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      for (const client of held) client.release();
    }
  });
});
