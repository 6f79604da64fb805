import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/events/notifier.js';
import { createInProcessNotifier } from '../../../src/events/in-process-notifier.js';
import { LocalHashingEmbedder } from '../../../src/models/local/hashing-embedder.js';
import { RunLogFeed, type RunLogFollower } from '../../../src/runs/run-log-feed.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { insertClaimedRun } from './support/claimed-run.js';
import { seedCollection } from '../graphs/support/seed-collection.js';

const DEADLINE_MS = 10_000;

/** Resolves at `follower`'s next change; fails after the deadline. */
function nextChange(follower: RunLogFollower): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change')), DEADLINE_MS);
    const stop = follower.onChange(() => {
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe(`RunLogFeed (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let scope: { workspaceId: string; collectionId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    scope = await seedCollection(database.db.pool, new LocalHashingEmbedder(), 'feed', []);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function runWithEvents(count: number): Promise<string> {
    const runId = await insertClaimedRun(database.db.pool, scope);
    await appendTokens(runId, 1, count);
    return runId;
  }

  async function appendTokens(runId: string, from: number, to: number): Promise<void> {
    await database.db.pool.query(
      `INSERT INTO run_events (run_id, seq, type, payload)
       SELECT $1, s, 'TokenDelta', jsonb_build_object('text', 't' || s) FROM generate_series($2::int, $3::int) s`,
      [runId, from, to],
    );
  }

  it('reads the log in pages, holds its latest events, and sends a follower behind them to the log', async () => {
    const runId = await runWithEvents(12);
    const notifier = createInProcessNotifier();
    const feed = new RunLogFeed(database.db.pool, notifier, { maxHeldEvents: 4, pageSize: 5 });
    try {
      const follower = feed.follow(runId, 0);
      const seqs = () => follower.eventsAfter(8)?.map((e) => e.seq);
      // Pages of 5: [1-5] kept as [4-5], [4-10] as [9-10], then [9-12].
      while (seqs()?.at(-1) !== 12) await nextChange(follower);
      expect(follower.eventsAfter(0)).toBeUndefined();
      expect(seqs()).toEqual([9, 10, 11, 12]);
      expect(follower.eventsAfter(12)).toEqual([]);

      await appendTokens(runId, 13, 13);
      const changed = nextChange(follower);
      await notifier.publish(CHANNELS.runEvents, runId);
      await changed;
      expect(follower.eventsAfter(12)?.map((e) => [e.seq, e.type])).toEqual([[13, 'TokenDelta']]);

      follower.release();
      expect(feed.size).toBe(0);
    } finally {
      feed.close();
    }
  });

  it('sends its followers to the log when it cannot read it', async () => {
    const runId = await runWithEvents(1);
    // A pool that cannot reach the database: its reads fail as the followers' own would.
    const closed = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1000 });
    const feed = new RunLogFeed(closed, createInProcessNotifier());
    try {
      const follower = feed.follow(runId, 0);
      if (follower.eventsAfter(0)?.length === 0) await nextChange(follower);
      expect(follower.eventsAfter(0)).toBeUndefined();
      follower.release();
    } finally {
      feed.close();
      await closed.end();
    }
  });
});
