import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import { answerReply, fakeChain, gradeReply } from '../support/runs-fixture.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

const IN_PROGRESS = ['QUEUED', 'RUNNING'];

describe(`daily model-token budget (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let ws: TestWorkspace;
  let collectionId: string;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      authMode: 'required',
      rateLimits: { tokensPerDayPerCaller: 50 },
    });
    ws = await createWorkspaceWithKeys(database.db.pool, 'budget');
    const created = await postAs(
      server.url,
      ws.keys.writer,
      'mutation { createCollection(input: { name: "b" }) { id } }',
    );
    collectionId = (created.body.data!['createCollection'] as { id: string }).id;
    const job = await postAs(
      server.url,
      ws.keys.writer,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: [{ title: 'Leave', text: 'Parental leave is sixteen weeks at full pay.' }],
        },
      },
    );
    const jobId = (job.body.data!['ingestDocuments'] as { id: string }).id;
    await waitFor({
      what: 'the ingest job SUCCEEDED',
      read: async () => {
        const { body } = await postAs(
          server.url,
          ws.keys.reader,
          'query ($id: ID!) { ingestJob(id: $id) { status } }',
          { id: jobId },
        );
        const job = body.data?.['ingestJob'] as { status: string } | null | undefined;
        return job?.status ?? `no job: ${JSON.stringify(body.errors ?? body.data)}`;
      },
      until: (status) => status === 'SUCCEEDED',
      failWhen: (status) => !IN_PROGRESS.includes(status),
      timeoutMs: 60_000,
      // Every read is an API request, within the caller's 600 a minute.
      intervalMs: 200,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  const askAndWait = async (question: string) => {
    const asked = await postAs(
      server.url,
      ws.keys.writer,
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      {
        input: { collectionId, question },
      },
    );
    if (asked.body.errors) return asked.body;
    const id = (asked.body.data!['ask'] as { id: string }).id;
    return waitFor({
      what: `run ${id} finished`,
      read: async () =>
        (
          await postAs(
            server.url,
            ws.keys.reader,
            'query ($id: ID!) { run(id: $id) { status answer { usage { inputTokens outputTokens } } } }',
            { id },
          )
        ).body,
      // No run (an error instead) ends the wait too; the caller's assertions say what it was.
      until: (body) => {
        const run = body.data?.['run'] as { status: string } | null | undefined;
        return !run || !IN_PROGRESS.includes(run.status);
      },
      timeoutMs: 30_000,
      intervalMs: 100,
    });
  };

  it('refuses new runs with RATE_LIMITED once the budget is spent, before any model request', async () => {
    const chunks = await database.db.pool.query<{ id: string }>('SELECT id FROM chunks');
    const ids = chunks.rows.map((r) => r.id);
    fake.script('primary', [gradeReply(ids), answerReply('Sixteen weeks at full pay.', ids)]);
    const first = await askAndWait('How long is parental leave?');
    expect(first.data?.['run']).toMatchObject({ status: 'SUCCEEDED' });
    const usage = (
      first.data!['run'] as { answer: { usage: { inputTokens: number; outputTokens: number } } }
    ).answer.usage;
    expect(usage.inputTokens + usage.outputTokens).toBeGreaterThan(50);

    const requestsBefore = fake.requests.length;
    const second = await askAndWait('Is it paid?');
    expect(second.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(second.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(fake.requests.length).toBe(requestsBefore);
    const reading = await postAs(server.url, ws.keys.reader, '{ health { status } }');
    expect(reading.body.data).toEqual({ health: { status: 'OK' } });
  });
});
