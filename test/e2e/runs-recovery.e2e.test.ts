import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { decodeId } from '../../src/graphql/ids.js';
import { waitFor } from '../support/wait-for.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  answerReply,
  assembleText,
  collectEvents,
  EVENT_FIELDS,
  fakeChain,
  gradeReply,
  HANDBOOK_DOCUMENTS,
  primaryOn,
  seedThroughGraphQL,
} from './support/runs-fixture.js';

const RUN_EVENTS = `subscription ($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) { ${EVENT_FIELDS} }
}`;
const ANSWER =
  'Parental leave is sixteen weeks at full pay, and it may be taken in two blocks within the first year.';

describe.runIf(TEST_DATABASE_URL)('a run started on one process streams through another', () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    a = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      databaseUrl: database.url,
    });
    // B serves the API only: it cannot execute the run, so everything it streams came through Postgres.
    b = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      databaseUrl: database.url,
      worker: false,
    });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await database?.destroy();
    await fake?.close();
  });

  it('streams every event of a run executing elsewhere, gapless, to its end', async () => {
    const seeded = await seedThroughGraphQL(a);
    const leave = await seeded.chunkIds(/Parental leave/);
    fake.script('primary', [gradeReply(leave), answerReply(ANSWER, leave, { tokenDelayMs: 15 })]);
    const asked = await a.execute<{ ask: { id: string } }>(
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId: seeded.collectionId, question: 'How long is parental leave?' } },
    );
    const client = wsClient(b.url);
    try {
      const events = await collectEvents(client, RUN_EVENTS, { runId: asked.data!.ask.id });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.at(-1)!.__typename).toBe('RunCompleted');
      expect(assembleText(events)).toBe(ANSWER);
    } finally {
      await client.dispose();
    }
  });
});

describe(`a run survives SIGKILL of its process (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  const children: ChildServer[] = [];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-run-crash-'));
    const configFile = path.join(dir, 'models.json');
    writeFileSync(
      configFile,
      JSON.stringify({ chat: [primaryOn(fake)], embedding: { id: 'emb', provider: 'local' } }),
    );
    // Short enough that PostgreSQL mode resumes quickly, long enough not to expire under load.
    env = { BALLAST_CONFIG: configFile, BALLAST_RUN_LEASE_SECONDS: '5' };
    if (TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env['DATABASE_URL'] = database.url!;
    } else {
      env['BALLAST_DATA_DIR'] = path.join(dir, 'data');
    }
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await database?.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from the last checkpoint, without re-running finished nodes, as one stream', async () => {
    const first = await spawnServer(env);
    children.push(first);
    const created = await postGraphQL<{ createCollection: { id: string } }>(
      first.url,
      'mutation { createCollection(input: { name: "crash" }) { id } }',
    );
    const collectionId = created.data!.createCollection.id;
    const job = await postGraphQL<{ ingestDocuments: { id: string } }>(
      first.url,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId, documents: HANDBOOK_DOCUMENTS } },
    );
    await waitFor(async () => {
      const state = await postGraphQL<{ ingestJob: { status: string } }>(
        first.url,
        'query ($id: ID!) { ingestJob(id: $id) { status } }',
        { id: job.data!.ingestDocuments.id },
      );
      return state.data!.ingestJob.status === 'SUCCEEDED' ? true : undefined;
    });
    const hits = await postGraphQL<{ search: { chunk: { id: string; text: string } }[] }>(
      first.url,
      'query ($c: ID!) { search(collectionId: $c, query: "parental leave weeks", k: 1) { chunk { id text } } }',
      { c: collectionId },
    );
    const leave = hits.data!.search.map((h) => decodeId('Chunk', h.chunk.id)!);
    fake.script('primary', [
      gradeReply(leave),
      answerReply(ANSWER, leave, { tokenDelayMs: 150 }),
      answerReply(ANSWER, leave, { tokenDelayMs: 5 }),
    ]);
    const asked = await postGraphQL<{ ask: { id: string } }>(
      first.url,
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId, question: 'How long is parental leave?' } },
    );
    const runId = asked.data!.ask.id;
    await waitFor(async () => {
      const run = await postGraphQL<{ run: { events: { __typename: string }[] } }>(
        first.url,
        'query ($id: ID!) { run(id: $id) { events { __typename } } }',
        { id: runId },
      );
      return run.data!.run.events.filter((e) => e.__typename === 'TokenDelta').length >= 2
        ? true
        : undefined;
    });
    await first.stop('SIGKILL');

    const second = await spawnServer(env);
    children.push(second);
    const client = wsClient(second.url);
    try {
      const events = await collectEvents(client, RUN_EVENTS, { runId });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.some((e) => e.__typename === 'RunResumed')).toBe(true);
      const last = events.at(-1)!;
      expect(last.__typename).toBe('RunCompleted');
      const trail = JSON.stringify(
        events.map((e) => [e.seq, e.__typename, e.text ?? e.restart ?? '']),
      );
      expect(assembleText(events), trail).toBe(last.answer!.text);
      expect(last.answer!.text).toBe(ANSWER);
    } finally {
      await client.dispose();
    }
    const chat = fake.requests.filter((r) => r.path === '/v1/chat/completions');
    const grades = chat.filter((r) => JSON.stringify(r.body).includes('relevantChunkIds'));
    // Finished nodes are not run again: one grade; generate ran before and after the kill.
    expect(grades).toHaveLength(1);
    expect(chat.length).toBeGreaterThanOrEqual(3);
    const status = await postGraphQL<{
      run: {
        status: string;
        attempts: number;
        usage: { byModel: { model: string; requests: number }[] } | null;
      };
    }>(
      second.url,
      'query ($id: ID!) { run(id: $id) { status attempts usage { byModel { model requests } } } }',
      { id: runId },
    );
    expect(status.data!.run.status).toBe('SUCCEEDED');
    expect(status.data!.run.attempts).toBeGreaterThanOrEqual(2);
    // Usage counts the attempt that was killed too: its grade call, saved with its events,
    // plus the answer of the attempt that finished (the cut stream never reported usage).
    const primary = status.data!.run.usage?.byModel.find((m) => m.model === 'primary');
    expect(primary?.requests).toBeGreaterThanOrEqual(2);
    await second.stop('SIGTERM');
  });
});
