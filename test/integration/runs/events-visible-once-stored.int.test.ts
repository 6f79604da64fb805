import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createInProcessNotifier } from '../../../src/events/in-process-notifier.js';
import { silentLogger } from '../../../src/logger.js';
import { LocalHashingEmbedder } from '../../../src/models/index.js';
import { RunLogFeed } from '../../../src/runs/run-log-feed.js';
import { ActiveRuns } from '../../../src/runs/active-runs.js';
import { createRunEventWriter, type RunEventWriter } from '../../../src/runs/event-writer.js';
import type { RunEvent, RunEventDraft } from '../../../src/runs/run-event.js';
import { streamRunEvents } from '../../../src/runs/stream-run-events.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { waitFor } from '../../support/wait-for.js';
import { insertClaimedRun } from './support/claimed-run.js';
import { seedCollection } from '../graphs/support/seed-collection.js';

const token = (text: string): RunEventDraft => ({ type: 'TokenDelta', payload: { text } });
const DEADLINE_MS = 10_000;

/** A pool whose appends to `run_events` wait, before reaching the database, while it is closed. */
interface AppendGate {
  pool: pg.Pool;
  close(): void;
  open(): void;
  /** Appends waiting at the gate now. */
  readonly held: number;
  /** Appends the database has answered. */
  readonly completed: number;
}

function gateAppends(pool: pg.Pool): AppendGate {
  let closed = false;
  let release = () => undefined as void;
  let released = Promise.resolve();
  let held = 0;
  let completed = 0;
  const gated = new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return async (text: string, values?: unknown[]) => {
        if (text.includes('INSERT INTO run_events') && closed) {
          held++;
          await released;
          held--;
        }
        const result = await target.query(text, values);
        if (text.includes('INSERT INTO run_events')) completed++;
        return result;
      };
    },
  }) as pg.Pool;
  return {
    pool: gated,
    close() {
      closed = true;
      released = new Promise((resolve) => (release = resolve));
    },
    open() {
      closed = false;
      release();
    },
    get held() {
      return held;
    },
    get completed() {
      return completed;
    },
  };
}

/** Lets every pending promise reaction run: a reader fed from memory would have been fed by now. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `promise`, or a failure once `DEADLINE_MS` has passed. */
async function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe(`a run's events reach readers only once stored (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let scope: { workspaceId: string; collectionId: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    scope = await seedCollection(database.db.pool, new LocalHashingEmbedder(), 'visible', []);
  });
  afterAll(() => database.destroy());

  /** A RUNNING run claimed once (attempts = 1). */
  const claimedRun = () => insertClaimedRun(database.db.pool, scope);

  const storedEvents = async (runId: string) => {
    const rows = await database.db.pool.query<{ seq: number; text: string | null }>(
      `SELECT seq, payload->>'text' AS text FROM run_events WHERE run_id = $1 ORDER BY seq`,
      [runId],
    );
    return rows.rows;
  };
  const shape = (events: readonly RunEvent[]) =>
    events.map((e) => ({ seq: e.seq, text: e.type === 'TokenDelta' ? e.payload.text : null }));

  /** A writer over `gate`'s pool, executing in-process, and a live reader of its run. */
  function follow(runId: string, gate: AppendGate) {
    const notifier = createInProcessNotifier();
    const writer: RunEventWriter = createRunEventWriter({
      pool: gate.pool,
      notifier,
      logger: silentLogger,
      runId,
      firstSeq: 1,
      attempt: 1,
    });
    const activeRuns = new ActiveRuns();
    activeRuns.add(writer, new AbortController());
    const closing = new AbortController();
    const runLog = new RunLogFeed(database.db.pool, notifier, {
      executesHere: (id) => activeRuns.writer(id) !== undefined,
    });
    const stream = streamRunEvents(
      { pool: database.db.pool, activeRuns, runLog },
      scope.workspaceId,
      runId,
      { signal: closing.signal },
    );
    const seen: RunEvent[] = [];
    const next = async () => {
      const step = await withDeadline(stream.next(), 'the next event');
      if (!step.done) seen.push(step.value);
      return step;
    };
    // Clean-up only (closing is tested with the subscriptions): it must not hide a failure.
    const close = async () => {
      closing.abort();
      await withDeadline(stream.return(undefined), 'closing the stream').catch(() => undefined);
      runLog.close();
    };
    return { writer, seen, next, close };
  }

  it('gives a live reader an event only after the write that stores it has completed', async () => {
    const runId = await claimedRun();
    const gate = gateAppends(database.db.pool);
    const { writer, seen, next, close } = follow(runId, gate);
    try {
      writer.emit({ type: 'RunStarted', payload: {} });
      await next();

      gate.close();
      let completedAtDelivery = -1;
      const pending = next().then((step) => {
        completedAtDelivery = gate.completed;
        return step;
      });
      writer.emit(token('a'));
      await waitFor(async () => (gate.held > 0 ? true : undefined), DEADLINE_MS);
      await settle();
      // The append is on its way and not stored: nothing of it may be out.
      expect(shape(seen), 'delivered before it was stored').toEqual([{ seq: 1, text: null }]);
      expect(shape(writer.eventsAfter(0)), 'readable before it was stored').toEqual([
        { seq: 1, text: null },
      ]);

      gate.open();
      const step = await pending;
      expect(step.value?.seq).toBe(2);
      expect(completedAtDelivery).toBe(2);
      expect(await storedEvents(runId)).toEqual([
        { seq: 1, text: null },
        { seq: 2, text: 'a' },
      ]);

      // The terminal event too: delivered once its transaction committed, and the stream ends.
      const ended = await writer.finish({ type: 'RunCancelled', payload: {} }, async () => {});
      expect(ended?.seq).toBe(3);
      expect((await next()).value?.type).toBe('RunCancelled');
      expect((await next()).done).toBe(true);
    } finally {
      gate.open();
      await close();
    }
  });

  it('leaves nothing a reader saw unstored when the process dies mid-write', async () => {
    const runId = await claimedRun();
    const gate = gateAppends(database.db.pool);
    const { writer, seen, next, close } = follow(runId, gate);
    try {
      writer.emit({ type: 'RunStarted', payload: {} });
      writer.emit(token('a'));
      await writer.flush();
      await next();
      await next();

      gate.close();
      const pending = next();
      writer.emit(token('b'));
      writer.emit(token('c'));
      await waitFor(async () => (gate.held > 0 ? true : undefined), DEADLINE_MS);
      await settle();
      // The process dies here (SIGKILL): the held append never reaches the database, and
      // seqs 3 and 4 go to the events of the next attempt.
      const stored = await storedEvents(runId);
      expect(stored).toEqual([
        { seq: 1, text: null },
        { seq: 2, text: 'a' },
      ]);
      expect(shape(seen), 'a live subscriber saw events that were never stored').toEqual(stored);
      expect(shape(writer.eventsAfter(0)), 'readable events that were never stored').toEqual(
        stored,
      );

      gate.open();
      await pending;
    } finally {
      gate.open();
      await close();
    }
  });

  it('never shows the events a fenced execution could not store', async () => {
    const runId = await claimedRun();
    const gate = gateAppends(database.db.pool);
    const { writer, close } = follow(runId, gate);
    try {
      writer.emit(token('mine'));
      await writer.flush();
      // Another process claims the run after this one's lease ran out; it numbers from 2.
      await database.db.pool.query('UPDATE runs SET attempts = attempts + 1 WHERE id = $1', [
        runId,
      ]);
      writer.emit(token('stale'));
      await writer.flush();
      expect(writer.fenced).toBe(true);
      expect(shape(writer.eventsAfter(0))).toEqual([{ seq: 1, text: 'mine' }]);
      expect(await storedEvents(runId)).toEqual([{ seq: 1, text: 'mine' }]);
    } finally {
      await close();
    }
  });
});
