import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import { CHECKPOINT_SCHEMA } from '../../src/checkpoints/index.js';
import { fakeChain, seedThroughGraphQL, universalReply } from './support/runs-fixture.js';

const ASK = `mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }`;
const RUN = `query ($id: ID!) { run(id: $id) { status error { code message } answer { text } } }`;
const MESSAGES = `query ($id: ID!) { thread(id: $id) { messages(first: 100) { edges { node { role text runId } } } } }`;

/** What the fake model received: the messages of every chat request, in order. */
function sentMessages(fake: FakeLlmServer): { role: string; content: string }[][] {
  return fake.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => (request.body as { messages: { role: string; content: string }[] }).messages);
}

describe(`a conversation through GraphQL (${TEST_DATABASE_MODE})`, () => {
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

  /** Asks on `threadId` (a new thread when null) and waits for the run to succeed. */
  async function askAndWait(question: string, extra: Record<string, unknown> = {}) {
    const asked = await server.execute<{ ask: { id: string; thread: { id: string } } }>(ASK, {
      input: { collectionId, question, ...extra },
    });
    if (!asked.data) throw new Error(JSON.stringify(asked.errors));
    const { id } = asked.data.ask;
    const status = await waitFor(async () => {
      const read = await server.execute<{ run: { status: string } }>(RUN, { id });
      const current = read.data?.run.status;
      return current === 'QUEUED' || current === 'RUNNING' ? undefined : current;
    }, 60_000);
    expect(status).toBe('SUCCEEDED');
    return { runId: id, threadId: asked.data.ask.thread.id };
  }

  const messagesOf = async (threadId: string) => {
    const read = await server.execute<{
      thread: { messages: { edges: { node: { role: string; text: string; runId: string } }[] } };
    }>(MESSAGES, { id: threadId });
    // Newest first: read back oldest first, as the model sees the conversation.
    return read.data!.thread.messages.edges.map((e) => e.node).reverse();
  };

  it('a new e-mail in a later turn gets a new placeholder, in the thread and at the model', async () => {
    fake.script('primary', universalReply('Parental leave is sixteen weeks.', leaveChunks));
    const first = await askAndWait('Please write to jane.doe@example.com about parental leave.');
    await askAndWait('And also to bob.roe@example.com, please?', { threadId: first.threadId });

    const questions = (await messagesOf(first.threadId))
      .filter((m) => m.role === 'USER')
      .map((m) => m.text);
    expect(questions).toEqual([
      'Please write to [EMAIL_1] about parental leave.',
      'And also to [EMAIL_2], please?',
    ]);
    const secondTurn = sentMessages(fake).filter((messages) =>
      messages.some((m) => m.content.includes('And also to')),
    );
    expect(secondTurn.length).toBeGreaterThan(0);
    for (const messages of secondTurn) {
      const text = messages.map((m) => m.content).join('\n');
      expect(text).toContain('And also to [EMAIL_2], please?');
      expect(text).not.toMatch(/example\.com/);
    }
  });

  it('after a fork, Thread.messages is the conversation the model sees', async () => {
    fake.script('primary', universalReply('Annual leave is twenty-five days.', leaveChunks));
    const first = await askAndWait('How long is annual leave?');
    await askAndWait('And how long is parental leave?', { threadId: first.threadId });
    const history = await server.execute<{
      thread: { history: { checkpointId: string; node: string }[] };
    }>('query ($id: ID!) { thread(id: $id) { history(last: 100) { checkpointId node } } }', {
      id: first.threadId,
    });
    // Newest first: the second `respond` from the top ends the first turn.
    const endOfFirstTurn = history.data!.thread.history.filter((e) => e.node === 'respond')[1]!;

    fake.reset();
    fake.script('primary', universalReply('Receipts are due within thirty days.', leaveChunks));
    const fork = await askAndWait('When are receipts due?', {
      threadId: first.threadId,
      fromCheckpointId: endOfFirstTurn.checkpointId,
    });

    const messages = await messagesOf(first.threadId);
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ['USER', 'How long is annual leave?'],
      ['ASSISTANT', 'Annual leave is twenty-five days.'],
      ['USER', 'When are receipts due?'],
      ['ASSISTANT', 'Receipts are due within thirty days.'],
    ]);
    expect(messages.at(-1)!.runId).toBe(fork.runId);
    expect(messages[0]!.runId).toBe(first.runId);
    // What the model was sent for the forked turn has the first turn and not the second.
    const answerPrompt = sentMessages(fake)
      .at(-1)!
      .map((m) => m.content)
      .join('\n');
    expect(answerPrompt).toContain('How long is annual leave?');
    expect(answerPrompt).not.toContain('parental leave?');
  });

  it('a question with PII is stored, checkpointed and cached only redacted', async () => {
    fake.script('primary', universalReply('Parental leave is sixteen weeks.', leaveChunks));
    await askAndWait('Tell jane.roe@example.org how long parental leave is.');
    const leaks = await database.db.pool.query<{ n: number }>(
      `SELECT (
         (SELECT count(*) FROM runs WHERE position('jane.roe' in question) > 0)
       + (SELECT count(*) FROM ${CHECKPOINT_SCHEMA}.checkpoint_blobs
           WHERE position('jane.roe' in convert_from(coalesce(blob, ''), 'UTF8')) > 0)
       + (SELECT count(*) FROM ${CHECKPOINT_SCHEMA}.checkpoint_writes
           WHERE position('jane.roe' in convert_from(blob, 'UTF8')) > 0)
       + (SELECT count(*) FROM ${CHECKPOINT_SCHEMA}.checkpoints
           WHERE position('jane.roe' in checkpoint::text || metadata::text) > 0)
       + (SELECT count(*) FROM answer_cache WHERE position('jane.roe' in question) > 0)
       )::int AS n`,
    );
    expect(leaks.rows[0]!.n).toBe(0);
    expect(
      sentMessages(fake)
        .flat()
        .some((m) => m.content.includes('jane.roe')),
    ).toBe(false);
  });
});
