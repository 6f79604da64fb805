import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { CHANNELS, NotifierUnavailableError, type Notifier } from '../../../src/events/notifier.js';
import { createPostgresNotifier } from '../../../src/events/postgres-notifier.js';
import { createLogger } from '../../../src/logger.js';
import {
  createTestDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';
import { createPrivateCluster, type PrivateCluster } from '../../support/private-cluster.js';
import { waitFor } from '../../support/wait-for.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A notifier on `url` with quick reconnects, what it heard, and its connection log lines. */
async function watchedNotifier(url: string, pool: pg.Pool) {
  const logged: { level: number; msg: string }[] = [];
  const logger = createLogger({
    destination: { write: (line: string) => void logged.push(JSON.parse(line)) },
  });
  const notifier = await createPostgresNotifier({
    url,
    pool,
    logger,
    reconnectDelayMs: 50,
    maxReconnectDelayMs: 500,
  });
  const heard: string[] = [];
  notifier.subscribe(CHANNELS.runEvents, (id) => heard.push(id));
  let reconnects = 0;
  notifier.onReconnect(() => reconnects++);
  return { notifier, heard, logged, reconnects: () => reconnects };
}

/**
 * Announces `<tag>-<n>` through `pool` every 50 ms until `heard` holds one of them: an
 * announcement made before the LISTEN connection is back is lost, not late.
 */
async function hearsAgain(pool: pg.Pool, heard: string[], tag: string, timeoutMs = 15_000) {
  let n = 0;
  await waitFor(async () => {
    if (heard.some((id) => id.startsWith(`${tag}-`))) return true;
    await pool
      .query('SELECT pg_notify($1, $2)', [CHANNELS.runEvents, `${tag}-${n++}`])
      .catch(() => undefined);
    return undefined;
  }, timeoutMs);
}

describe.runIf(TEST_DATABASE_URL)('Postgres notifier: losing its database', () => {
  let cluster: PrivateCluster | undefined;
  let pool: pg.Pool;
  beforeAll(async () => {
    cluster = await createPrivateCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    // Idle clients die with the server; without a listener that would crash the worker.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await cluster?.destroy();
  });

  it('listens again after 3 s without the database, logging the loss and the return once each', async () => {
    const watched = await watchedNotifier(cluster!.url, pool);
    try {
      await hearsAgain(pool, watched.heard, 'before');
      await cluster!.stop();
      await sleep(3000);
      await cluster!.start();
      await hearsAgain(pool, watched.heard, 'after');
      expect(watched.reconnects()).toBe(1);
      expect(watched.logged.filter((line) => line.msg.includes('notification connection'))).toEqual(
        [
          expect.objectContaining({ level: 40, msg: 'notification connection lost; reconnecting' }),
          expect.objectContaining({ level: 30, msg: 'notification connection restored' }),
        ],
      );
    } finally {
      await watched.notifier.close();
    }
  });

  it('refuses to publish at once while the database is down', async () => {
    const watched = await watchedNotifier(cluster!.url, pool);
    try {
      await cluster!.stop();
      await waitFor(async () => (watched.logged.length > 0 ? true : undefined), 5000);
      const started = Date.now();
      await expect(watched.notifier.publish(CHANNELS.runEvents, 'x')).rejects.toBeInstanceOf(
        NotifierUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(100);
    } finally {
      await cluster!.start();
      await watched.notifier.close();
    }
  });
});

describe.runIf(TEST_DATABASE_URL)('Postgres notifier: its backend terminated', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  // This test database's own LISTEN backends: other test files' are left alone.
  const listenBackends = async () =>
    (
      await database.db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = 'ballast-listen' AND datname = current_database()`,
      )
    ).rows.map((row) => row.pid);

  it('opens a new LISTEN connection and hears notifications on it', async () => {
    const watched: { notifier: Notifier; heard: string[]; reconnects: () => number } =
      await watchedNotifier(database.url!, database.db.pool);
    try {
      await hearsAgain(database.db.pool, watched.heard, 'before');
      const [killed, ...others] = await listenBackends();
      expect(others).toEqual([]);
      await database.db.pool.query('SELECT pg_terminate_backend($1)', [killed]);
      await hearsAgain(database.db.pool, watched.heard, 'after');
      const now = await listenBackends();
      expect(now).toHaveLength(1);
      expect(now[0]).not.toBe(killed);
      expect(watched.reconnects()).toBe(1);
    } finally {
      await watched.notifier.close();
    }
  });
});
