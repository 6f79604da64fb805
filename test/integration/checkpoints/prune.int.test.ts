import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_SCHEMA,
  openCheckpointSaver,
  pruneCheckpoints,
  threadConfig,
} from '../../../src/checkpoints/index.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { tinyGraph } from './tiny-graph.js';

const DAY = 24 * 60 * 60 * 1000;

describe(`checkpoint retention (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let graph: ReturnType<typeof tinyGraph>;
  const count = async (table: string, threadId: string) =>
    (
      await database.db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${CHECKPOINT_SCHEMA}.${table} WHERE thread_id = $1`,
        [threadId],
      )
    ).rows[0]!.n;
  const converse = async (threadId: string, notes: string[]) => {
    for (const note of notes) await graph.invoke({ note }, threadConfig(threadId));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    graph = tinyGraph(await openCheckpointSaver(database.db.pool));
    await converse('idle', ['one', 'two', 'three']);
    await converse('active', ['one', 'two']);
    // Age the idle thread by two days.
    await database.db.pool.query(
      `UPDATE ${CHECKPOINT_SCHEMA}.checkpoints
       SET checkpoint = jsonb_set(checkpoint, '{ts}', to_jsonb((now() - interval '2 days')::text))
       WHERE thread_id = 'idle'`,
    );
  });
  afterAll(() => database.destroy());

  it('keeps only the latest checkpoint of idle threads, which still loads in full', async () => {
    const before = (await graph.getState(threadConfig('idle'))).values;
    const activeBefore = await count('checkpoints', 'active');
    expect(await count('checkpoints', 'idle')).toBeGreaterThan(3);

    const result = await pruneCheckpoints(database.db.pool, { idleFor: DAY, keepLatest: 1 });

    expect(result).toMatchObject({ threads: 1 });
    expect(result.checkpoints).toBeGreaterThan(0);
    expect(result.blobs).toBeGreaterThan(0);
    expect(await count('checkpoints', 'idle')).toBe(1);
    expect(await count('checkpoints', 'active')).toBe(activeBefore);
    expect((await graph.getState(threadConfig('idle'))).values).toEqual(before);
    await graph.invoke({ note: 'four' }, threadConfig('idle'));
    expect((await graph.getState(threadConfig('idle'))).values.notes).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('does not select a thread again once it is pruned', async () => {
    await database.db.pool.query(
      `UPDATE ${CHECKPOINT_SCHEMA}.checkpoints
       SET checkpoint = jsonb_set(checkpoint, '{ts}', to_jsonb((now() - interval '2 days')::text))`,
    );
    const first = await pruneCheckpoints(database.db.pool, { idleFor: DAY });
    const again = await pruneCheckpoints(database.db.pool, { idleFor: DAY });

    expect(first.threads).toBe(2);
    expect(again).toEqual({ threads: 0, checkpoints: 0, writes: 0, blobs: 0 });
    const orphans = await database.db.pool.query<{ writes: number; blobs: number }>(
      `SELECT
         (SELECT count(*) FROM ${CHECKPOINT_SCHEMA}.checkpoint_writes w WHERE NOT EXISTS (
            SELECT 1 FROM ${CHECKPOINT_SCHEMA}.checkpoints c
            WHERE c.thread_id = w.thread_id AND c.checkpoint_id = w.checkpoint_id))::int AS writes,
         (SELECT count(*) FROM ${CHECKPOINT_SCHEMA}.checkpoint_blobs b WHERE NOT EXISTS (
            SELECT 1 FROM ${CHECKPOINT_SCHEMA}.checkpoints c WHERE c.thread_id = b.thread_id
              AND c.checkpoint->'channel_versions'->>b.channel = b.version))::int AS blobs`,
    );
    expect(orphans.rows[0]).toEqual({ writes: 0, blobs: 0 });
  });

  it('refuses a keepLatest below 1', async () => {
    await expect(
      pruneCheckpoints(database.db.pool, { idleFor: DAY, keepLatest: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
