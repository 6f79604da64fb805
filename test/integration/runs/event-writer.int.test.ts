import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createInProcessNotifier } from '../../../src/events/in-process-notifier.js';
import { CHANNELS } from '../../../src/events/notifier.js';
import { createPostgresNotifier } from '../../../src/events/postgres-notifier.js';
import { silentLogger } from '../../../src/logger.js';
import { LocalHashingEmbedder } from '../../../src/models/index.js';
import { createRunEventWriter } from '../../../src/runs/event-writer.js';
import type { RunEventDraft } from '../../../src/runs/run-event.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';
import { waitFor } from '../../support/wait-for.js';
import { insertClaimedRun } from './support/claimed-run.js';
import { seedCollection } from '../graphs/support/seed-collection.js';

const token = (text: string): RunEventDraft => ({ type: 'TokenDelta', payload: { text } });

describe(`a run's event writer (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let scope: { workspaceId: string; collectionId: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    scope = await seedCollection(database.db.pool, new LocalHashingEmbedder(), 'events', []);
  });
  afterAll(() => database.destroy());

  /** A RUNNING run claimed once (attempts = 1). */
  const claimedRun = () => insertClaimedRun(database.db.pool, scope);

  const stored = async (runId: string) => {
    const rows = await database.db.pool.query<{ seq: number; text: string }>(
      `SELECT seq, payload->>'text' AS text FROM run_events WHERE run_id = $1 ORDER BY seq`,
      [runId],
    );
    const run = await database.db.pool.query<{ last_seq: number }>(
      'SELECT last_seq FROM runs WHERE id = $1',
      [runId],
    );
    return { events: rows.rows, lastSeq: run.rows[0]!.last_seq };
  };

  it('persists every event in order, advances last_seq and notifies once per flush', async () => {
    const runId = await claimedRun();
    const notifier = createInProcessNotifier();
    const notified: string[] = [];
    notifier.subscribe(CHANNELS.runEvents, (id) => notified.push(id));
    const writer = createRunEventWriter({
      pool: database.db.pool,
      notifier,
      logger: silentLogger,
      runId,
      firstSeq: 1,
      attempt: 1,
    });
    for (const text of ['a', 'b', 'c']) writer.emit(token(text));
    await writer.flush();
    writer.emit(token('d'));
    await writer.flush();

    const { events, lastSeq } = await stored(runId);
    expect(events).toEqual([
      { seq: 1, text: 'a' },
      { seq: 2, text: 'b' },
      { seq: 3, text: 'c' },
      { seq: 4, text: 'd' },
    ]);
    expect(lastSeq).toBe(4);
    expect(writer.fenced).toBe(false);
    expect(notified.length).toBeGreaterThanOrEqual(2);
    expect(notified.every((id) => id === runId)).toBe(true);
  });

  it('writes nothing more once another execution claimed the run, and says so once', async () => {
    const runId = await claimedRun();
    let fencedCalls = 0;
    const writer = createRunEventWriter({
      pool: database.db.pool,
      notifier: createInProcessNotifier(),
      logger: silentLogger,
      runId,
      firstSeq: 1,
      attempt: 1,
      onFenced: () => fencedCalls++,
    });
    writer.emit(token('mine'));
    await writer.flush();
    // Another process claims the run after this one's lease ran out.
    await database.db.pool.query('UPDATE runs SET attempts = attempts + 1 WHERE id = $1', [runId]);
    writer.emit(token('stale'));
    await writer.flush();
    writer.emit(token('stale again'));
    await writer.flush();

    const { events, lastSeq } = await stored(runId);
    expect(events).toEqual([{ seq: 1, text: 'mine' }]);
    expect(lastSeq).toBe(1);
    expect(writer.fenced).toBe(true);
    expect(fencedCalls).toBe(1);
    const final = await writer.finish({ type: 'RunCancelled', payload: {} }, async () => {
      throw new Error('a fenced writer must not finalize');
    });
    expect(final).toBeNull();
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'notifies other processes from the flush statement itself, and only when it wrote',
    async () => {
      const runId = await claimedRun();
      const statements: string[] = [];
      const recording = new Proxy(database.db.pool, {
        get(target, property, receiver) {
          if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
          return (text: string, values?: unknown[]) => {
            statements.push(text);
            return target.query(text, values);
          };
        },
      }) as pg.Pool;
      const notifier = await createPostgresNotifier({
        url: database.url!,
        pool: recording,
        logger: silentLogger,
      });
      const heard: string[] = [];
      notifier.subscribe(CHANNELS.runEvents, (id) => heard.push(id));
      const heardAll = (count: number) =>
        waitFor({
          what: `${count} notifications heard`,
          read: () => [...heard],
          until: (seen) => seen.length >= count,
          timeoutMs: 10_000,
          intervalMs: 10,
        });
      const writer = createRunEventWriter({
        pool: recording,
        notifier,
        logger: silentLogger,
        runId,
        firstSeq: 1,
        attempt: 1,
      });
      try {
        writer.emit(token('a'));
        await writer.flush();
        writer.emit(token('b'));
        await writer.flush();
        await heardAll(2);
        expect(heard).toEqual([runId, runId]);
        // One round trip per flush: no separate pg_notify statement (through either pool user).
        expect(statements).toHaveLength(2);

        // A fenced flush writes nothing and so announces nothing. Notifications arrive in commit
        // order: once a later sentinel is heard, one from the fenced flush would have been too.
        await database.db.pool.query('UPDATE runs SET attempts = attempts + 1 WHERE id = $1', [
          runId,
        ]);
        writer.emit(token('stale'));
        await writer.flush();
        expect(writer.fenced).toBe(true);
        await database.db.pool.query('SELECT pg_notify($1, $2)', [CHANNELS.runEvents, 'sentinel']);
        await heardAll(3);
        expect(heard).toEqual([runId, runId, 'sentinel']);
      } finally {
        await notifier.close();
      }
    },
  );
});
