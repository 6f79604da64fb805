import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../src/graphql/ids.js';

const decodeRunUuid = (id: string) => decodeId('Run', id)!;
const decodeThreadUuid = (id: string) => decodeId('Thread', id)!;
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import {
  answerReply,
  assembleText,
  collectEvents,
  EVENT_FIELDS,
  fakeChain,
  gradeReply,
  seedThroughGraphQL,
  type StreamedEvent,
} from './support/runs-fixture.js';

const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { ${EVENT_FIELDS} } }`;
const RUN_EVENTS = `subscription ($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) { ${EVENT_FIELDS} }
}`;
const ASK = `mutation ($input: AskInput!) { ask(input: $input) { id status thread { id } } }`;
const LONG_ANSWER =
  'Parental leave is sixteen weeks at full pay, and it can be split into two blocks taken within the first year after the birth or adoption of the child.';

describe(`runs over GraphQL (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let leaveChunks: string[];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, models: fakeChain(fake) });
    const seeded = await seedThroughGraphQL(server);
    collectionId = seeded.collectionId;
    leaveChunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const ask = (question: string, extra: Record<string, unknown> = {}) =>
    server.execute<{ ask: { id: string; status: string; thread: { id: string } } }>(ASK, {
      input: { collectionId, question, ...extra },
    });

  it('askStream delivers tokens, then RunCompleted, and the tokens add up to the answer', async () => {
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 2 }),
    ]);
    const client = wsClient(server.url);
    try {
      const events = await collectEvents(client, ASK_STREAM, {
        input: { collectionId, question: 'How long is parental leave?' },
      });
      expect(events[0]!.__typename).toBe('RunStarted');
      const last = events.at(-1)!;
      expect(last.__typename).toBe('RunCompleted');
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.__typename === 'TokenDelta').length).toBeGreaterThan(0);
      expect(events.some((e) => e.__typename === 'RetrievalDone')).toBe(true);
      expect(assembleText(events)).toBe(last.answer!.text);
      expect(last.answer!.text).toBe(LONG_ANSWER);
      expect(last.answer!.citations.map((c) => c.chunk?.id)).toEqual(
        leaveChunks.map((id) => encodeId('Chunk', id)),
      );
    } finally {
      await client.dispose();
    }
  });

  it('a client that drops after 3 tokens re-joins with afterSeq and misses nothing', async () => {
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 40 }),
    ]);
    // A new question each time: a repeated one would be answered from the answer cache.
    const run = (await ask('For how many weeks does parental leave last?')).data!.ask;
    const first = wsClient(server.url);
    const before = await collectEvents(
      first,
      RUN_EVENTS,
      { runId: run.id },
      (events) => events.filter((e) => e.__typename === 'TokenDelta').length >= 3,
    );
    await first.dispose();
    expect(before.at(-1)!.__typename).toBe('TokenDelta');

    const second = wsClient(server.url);
    try {
      const after = await collectEvents(second, RUN_EVENTS, {
        runId: run.id,
        afterSeq: before.at(-1)!.seq,
      });
      const all = [...before, ...after];
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(after.at(-1)!.__typename).toBe('RunCompleted');
      expect(assembleText(all)).toBe(LONG_ANSWER);

      // The durable log gives a late joiner the very same stream.
      const replay = await collectEvents(second, RUN_EVENTS, { runId: run.id });
      expect(replay.map((e) => [e.seq, e.__typename, e.text ?? null])).toEqual(
        all.map((e) => [e.seq, e.__typename, e.text ?? null]),
      );

      // The log read as a list takes `afterSeq` the same way; a negative one is refused by both.
      const EVENTS =
        'query ($id: ID!, $after: Int) { run(id: $id) { events(afterSeq: $after, first: 2) { seq } } }';
      const page = await server.execute<{ run: { events: { seq: number }[] } }>(EVENTS, {
        id: run.id,
        after: 2,
      });
      expect(page.data!.run.events.map((e) => e.seq)).toEqual([3, 4]);
      const listed = await server.execute(EVENTS, { id: run.id, after: -1 });
      expect(listed.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'afterSeq',
      });
      const streamed = await collectEvents(second, RUN_EVENTS, {
        runId: run.id,
        afterSeq: -1,
      }).then(
        () => 'no error',
        (error: Error) => error.message,
      );
      expect(streamed).toContain('"code":"BAD_USER_INPUT"');
    } finally {
      await second.dispose();
    }
  });

  it('coalesces token deltas: far fewer events than tokens', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(words, leaveChunks, { tokenDelayMs: 1 }),
    ]);
    const client = wsClient(server.url);
    try {
      const events = await collectEvents(client, ASK_STREAM, {
        input: { collectionId, question: 'Say many words' },
      });
      const deltas = events.filter((e) => e.__typename === 'TokenDelta').length;
      expect(assembleText(events)).toBe(words);
      expect(deltas).toBeLessThan(100);
      const rows = await database.db.pool.query(
        `SELECT count(*)::int AS n FROM run_events WHERE run_id = $1 AND type = 'TokenDelta'`,
        [decodeRunUuid(events[0]!.runId)],
      );
      expect(rows.rows[0].n).toBe(deltas);
    } finally {
      await client.dispose();
    }
  });

  it('cancelRun mid-stream aborts the model request and ends the stream with RunCancelled', async () => {
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 200 }),
    ]);
    const run = (await ask('Is parental leave paid in full?')).data!.ask;
    const client = wsClient(server.url);
    try {
      const streamed = collectEvents(client, RUN_EVENTS, { runId: run.id });
      await waitFor({
        what: `a stored token of run ${run.id}`,
        read: () => events(run.id),
        until: (rows) => rows.some((e) => e.type === 'TokenDelta'),
        timeoutMs: 20_000,
        intervalMs: 20,
      });
      const cancelled = await server.execute<{ cancelRun: { status: string } }>(
        'mutation ($id: ID!) { cancelRun(id: $id) { status } }',
        { id: run.id },
      );
      expect(cancelled.errors).toBeUndefined();
      const all = await streamed;
      expect(all.at(-1)!.__typename).toBe('RunCancelled');
      const status = await server.execute<{ run: { status: string; answer: unknown } }>(
        'query ($id: ID!) { run(id: $id) { status answer { text } } }',
        { id: run.id },
      );
      expect(status.data!.run).toEqual({ status: 'CANCELLED', answer: null });
      await waitFor({
        what: 'the answer request aborted at the fake model',
        read: () => fake.requests.map((r) => ({ path: r.path, aborted: r.aborted })),
        until: (requests) => requests.some((r) => r.path === '/v1/chat/completions' && r.aborted),
        timeoutMs: 10_000,
        intervalMs: 20,
      });
    } finally {
      await client.dispose();
    }
  });

  it('queues a second ask on a busy thread behind the first, or rejects it when asked to', async () => {
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 40 }),
      gradeReply(leaveChunks),
      answerReply('Sixteen weeks.', leaveChunks),
    ]);
    const first = (await ask('What does the leave policy say about parents?')).data!.ask;
    const tokensOfFirst = async () =>
      (await events(first.id)).filter((e) => e.type === 'TokenDelta').length;
    // The thread is busy for sure: the first run is streaming its answer (a few seconds of it).
    await waitFor({
      what: `a stored token of the first run ${first.id}`,
      read: tokensOfFirst,
      until: (n) => n > 0,
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    const second = await ask('And is it paid?', { threadId: first.thread.id });
    expect(second.errors).toBeUndefined();
    const rejected = await ask('A third one?', { threadId: first.thread.id, ifBusy: 'REJECT' });
    expect(rejected.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    // Every new run is QUEUED when asked, busy thread or not: the wait shows in the second
    // run still QUEUED while the first streams on, long after a free worker would have taken it.
    const tokensThen = await tokensOfFirst();
    await waitFor({
      what: `two more stored tokens of the first run ${first.id} (had ${tokensThen})`,
      read: tokensOfFirst,
      until: (n) => n >= tokensThen + 2,
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    const during = await server.execute(
      'query ($a: ID!, $b: ID!) { a: run(id: $a) { status } b: run(id: $b) { status } }',
      { a: first.id, b: second.data!.ask.id },
    );
    expect(during.data).toEqual({ a: { status: 'RUNNING' }, b: { status: 'QUEUED' } });

    const client = wsClient(server.url);
    try {
      const secondEvents = await collectEvents(client, RUN_EVENTS, { runId: second.data!.ask.id });
      expect(secondEvents.at(-1)!.__typename).toBe('RunCompleted');
    } finally {
      await client.dispose();
    }
    const times = await database.db.pool.query<{ id: string; started_at: Date; finished_at: Date }>(
      'SELECT id, started_at, finished_at FROM runs WHERE thread_id = $1 ORDER BY created_at',
      [decodeThreadUuid(first.thread.id)],
    );
    const [a, b] = times.rows;
    expect(b!.started_at.getTime()).toBeGreaterThanOrEqual(a!.finished_at.getTime());
    const thread = await server.execute<{
      thread: {
        runs: { edges: { node: { id: string; status: string } }[] };
        messages: { edges: { node: { role: string } }[] };
      };
    }>(
      'query ($id: ID!) { thread(id: $id) { runs { edges { node { id status } } } messages { edges { node { role } } } } }',
      { id: first.thread.id },
    );
    // Newest first: the follow-up, then the first question.
    expect(thread.data!.thread.runs.edges.map((e) => e.node)).toEqual([
      { id: second.data!.ask.id, status: 'SUCCEEDED' },
      { id: first.id, status: 'SUCCEEDED' },
    ]);
    // Newest first too: the follow-up's answer and question, then the first turn's.
    expect(thread.data!.thread.messages.edges.map((e) => e.node.role)).toEqual([
      'ASSISTANT',
      'USER',
      'ASSISTANT',
      'USER',
    ]);
  });

  it('resolves every citation with one query per level, whatever their number', async () => {
    const many = await database.db.pool.query<{ id: string }>('SELECT id FROM chunks');
    const ids = many.rows.map((r) => r.id);
    fake.script('primary', [gradeReply(ids), answerReply('All of it.', ids)]);
    const client = wsClient(server.url);
    let runId: string;
    try {
      const streamed = await collectEvents(client, ASK_STREAM, {
        input: { collectionId, question: 'Summarise the policies' },
      });
      runId = streamed[0]!.runId;
    } finally {
      await client.dispose();
    }
    const queries = countQueries(database);
    const result = await server.execute<{
      run: { answer: { citations: { chunk: { document: { title: string } } }[] } };
    }>(
      'query ($id: ID!) { run(id: $id) { answer { citations { chunk { id text document { id title } } } } } }',
      { id: runId! },
    );
    const statements = queries.stop();
    expect(result.data!.run.answer.citations.length).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(statements).toBe(3); // the run, its chunks, their documents
  });

  it("shows a thread's checkpoint history, and deleting the thread removes runs, events and checkpoints", async () => {
    fake.script('primary', [gradeReply(leaveChunks), answerReply('Sixteen weeks.', leaveChunks)]);
    const client = wsClient(server.url);
    let runId: string;
    try {
      const streamed = await collectEvents(client, ASK_STREAM, {
        input: { collectionId, question: 'Parental leave length, in weeks?' },
      });
      runId = streamed[0]!.runId;
    } finally {
      await client.dispose();
    }
    const run = await server.execute<{
      run: { thread: { id: string; history: { node: string; checkpointId: string }[] } };
    }>('query ($id: ID!) { run(id: $id) { thread { id history { node checkpointId } } } }', {
      id: runId!,
    });
    const thread = run.data!.run.thread;
    expect(thread.history.map((h) => h.node)).toEqual(
      expect.arrayContaining(['retrieve', 'generate']),
    );
    const threadUuid = decodeThreadUuid(thread.id);
    const checkpointsBefore = await database.db.pool.query(
      'SELECT count(*)::int AS n FROM ballast_checkpoints.checkpoints WHERE thread_id = $1',
      [threadUuid],
    );
    expect(checkpointsBefore.rows[0].n).toBeGreaterThan(0);

    const deleted = await server.execute('mutation ($id: ID!) { deleteThread(id: $id) }', {
      id: thread.id,
    });
    expect(deleted.data).toEqual({ deleteThread: true });
    const left = await database.db.pool.query(
      `SELECT (SELECT count(*) FROM runs WHERE thread_id = $1)::int AS runs,
              (SELECT count(*) FROM run_events WHERE run_id = $2)::int AS events,
              (SELECT count(*) FROM ballast_checkpoints.checkpoints WHERE thread_id = $1::text)::int AS checkpoints`,
      [threadUuid, decodeRunUuid(runId!)],
    );
    expect(left.rows[0]).toEqual({ runs: 0, events: 0, checkpoints: 0 });
    const gone = await server.execute('query ($id: ID!) { run(id: $id) { id } }', { id: runId! });
    expect(gone.data).toEqual({ run: null });
  });

  it('prunes the event logs of old finished runs but keeps their answers', async () => {
    // Its own two runs: one made ten days old, one recent.
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply('Sixteen weeks.', leaveChunks),
      gradeReply(leaveChunks),
      answerReply('At full pay.', leaveChunks),
    ]);
    const client = wsClient(server.url);
    const streamed: StreamedEvent[][] = [];
    try {
      for (const question of ['Pruning: how long is leave?', 'Pruning: is leave paid?']) {
        streamed.push(
          await collectEvents(client, ASK_STREAM, { input: { collectionId, question } }),
        );
      }
    } finally {
      await client.dispose();
    }
    const [old, recent] = streamed.map((events) => ({
      id: decodeRunUuid(events[0]!.runId),
      events: events.length,
    }));
    const pool = database.db.pool;
    const runs = () =>
      pool
        .query<{ id: string; status: string; answered: boolean; events: number }>(
          `SELECT id, status, answer IS NOT NULL AS answered,
                  (SELECT count(*) FROM run_events e WHERE e.run_id = runs.id)::int AS events
           FROM runs WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC`,
          [[old!.id, recent!.id], old!.id],
        )
        .then((result) => result.rows);
    await waitFor({
      what: 'both runs SUCCEEDED',
      read: runs,
      until: (rows) => rows.length === 2 && rows.every((r) => r.status === 'SUCCEEDED'),
      failWhen: (rows) => rows.some((r) => !['QUEUED', 'RUNNING', 'SUCCEEDED'].includes(r.status)),
      timeoutMs: 20_000,
    });
    await pool.query(`UPDATE runs SET finished_at = now() - interval '10 days' WHERE id = $1`, [
      old!.id,
    ]);

    const { pruneRunEvents } = await import('../../src/runs/prune-run-events.js');
    expect(await pruneRunEvents(pool, 7 * 24 * 3600 * 1000)).toBe(old!.events);
    expect(await runs()).toEqual([
      { id: old!.id, status: 'SUCCEEDED', answered: true, events: 0 },
      { id: recent!.id, status: 'SUCCEEDED', answered: true, events: recent!.events },
    ]);
  });

  async function events(runId: string) {
    const rows = await database.db.pool.query<{ type: string }>(
      'SELECT type FROM run_events WHERE run_id = $1',
      [decodeRunUuid(runId)],
    );
    return rows.rows;
  }
});

/**
 * Counts the by-id lookups (the loaders' `… AND id = ANY($2::uuid[])` statements) sent
 * through the test database's pool until `stop()`; background workers share the pool, so
 * only this statement shape is counted.
 */
function countQueries(database: TestDatabase): { stop(): number } {
  const pool = database.db.pool;
  const original = pool.query.bind(pool);
  let count = 0;
  pool.query = ((...args: Parameters<typeof original>) => {
    const text = typeof args[0] === 'string' ? args[0] : '';
    if (/id = ANY\(\$2::uuid\[\]\)/.test(text)) count += 1;
    return original(...args);
  }) as typeof pool.query;
  return {
    stop() {
      pool.query = original;
      return count;
    },
  };
}

export type { StreamedEvent };
