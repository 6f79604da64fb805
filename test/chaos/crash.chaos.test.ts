import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../src/graphql/ids.js';
import {
  assembleText,
  collectEvents,
  EVENT_FIELDS,
  patientPrimary,
  seedChildServer,
  type StreamedEvent,
  universalReply,
} from '../e2e/support/runs-fixture.js';
import { createFakeLlmServer } from '../fake-llm/server.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { waitFor } from '../support/wait-for.js';
import { recordFinding } from './findings.js';

const RUNS = 10;
const ANSWER = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { ${EVENT_FIELDS} } }`;
const RUN_EVENTS = `subscription ($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) { ${EVENT_FIELDS} }
}`;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

// Ten runs streaming a token every 5 ms, each followed by a client over askStream, and an
// ingest job with slow embeddings: the server is SIGKILLed while all of them are in flight.
// A second server takes over; each client re-joins with afterSeq = the last seq it saw and
// rebuilds its text by the documented rule (drop it on RunResumed or a restarting fallback).
it('SIGKILL mid-run and mid-job: every run and job completes, every client text equals its answer', async () => {
  const fake = await createFakeLlmServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'ballast-chaos-crash-'));
  const database: TestDatabase = await createTestDatabase();
  const servers: ChildServer[] = [];
  cleanup.push(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await database.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const configFile = path.join(dir, 'models.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      chat: [patientPrimary(fake)],
      embedding: { id: 'emb', baseURL: fake.url, model: 'slow-embed', dimensions: 32 },
    }),
  );
  fake.script('slow-embed', { latencyMs: 300 });
  const env = {
    DATABASE_URL: database.url!,
    BALLAST_CONFIG: configFile,
    BALLAST_RUN_LEASE_SECONDS: '5',
    BALLAST_INGEST_LEASE_SECONDS: '5',
    BALLAST_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const first = await spawnServer(env);
  servers.push(first);
  const data = async <T>(url: string, query: string, variables?: Record<string, unknown>) => {
    const result = await postGraphQL<T>(url, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const { collectionId, chunkIds: chunks } = await seedChildServer(first.url, 'crash');
  const INGEST =
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }';
  const JOB = 'query ($id: ID!) { ingestJob(id: $id) { status documentsDone documentsTotal } }';
  type Job = { status: string; documentsDone: number; documentsTotal: number };
  fake.script('primary', universalReply(ANSWER, chunks, { tokenDelayMs: 5 }));

  const documents = Array.from({ length: 400 }, (_, i) => ({
    title: `Note ${i}`,
    text: `Note ${i}: parental leave is sixteen weeks; annual leave is twenty-five days.`,
  }));
  // A collection of its own: the runs' retrieval must not see these documents arrive.
  const notes = await data<{ createCollection: { id: string } }>(
    first.url,
    'mutation { createCollection(input: { name: "notes" }) { id } }',
  );
  const job = await data<{ ingestDocuments: { id: string } }>(first.url, INGEST, {
    input: { collectionId: notes.createCollection.id, documents },
  });
  const jobId = job.ingestDocuments.id;

  const client = wsClient(first.url);
  const followed = Array.from({ length: RUNS }, (_, i) =>
    follow(client, ASK_STREAM, {
      input: { collectionId, question: `How long is parental leave? (${i})` },
    }),
  );
  await waitFor(async () => {
    const { ingestJob } = await data<{ ingestJob: Job }>(first.url, JOB, { id: jobId });
    const streaming = followed.filter((f) => f.events.some((e) => e.__typename === 'TokenDelta'));
    return streaming.length >= RUNS / 2 && ingestJob.documentsDone > 0 ? true : undefined;
  }, 60_000);
  await first.stop('SIGKILL');
  await Promise.all(followed.map((f) => f.done));
  await client.dispose();

  const second = await spawnServer(env);
  servers.push(second);
  const pool = database.db.pool;
  const { rows } = await pool.query<{ id: string; question: string }>(
    'SELECT id, question FROM runs WHERE question LIKE $1',
    ['How long is parental leave? (%'],
  );
  const rejoining = wsClient(second.url);
  const outcomes = await Promise.all(
    followed.map(async (f, i) => {
      const id = rows.find((r) => r.question.endsWith(`(${i})`))?.id;
      if (!id) return { accepted: false, completed: false, textMatches: false, trail: 'no run' };
      const rest = await collectEvents(rejoining, RUN_EVENTS, {
        runId: encodeId('Run', id),
        afterSeq: f.events.at(-1)?.seq ?? 0,
      });
      const events = [...f.events, ...rest];
      const last = events.at(-1);
      const gapless = events.every((e, at) => e.seq === at + 1);
      return {
        accepted: true,
        completed: gapless && last?.__typename === 'RunCompleted',
        textMatches: last?.answer?.text === ANSWER && assembleText(events) === ANSWER,
        trail: events
          .filter((e) => e.__typename !== 'TokenDelta')
          .map(
            (e) =>
              `${e.seq}:${e.__typename}${e.code ? `(${e.code})` : ''}${e.reason ? `(${e.reason})` : ''}`,
          )
          .join(' '),
      };
    }),
  );
  await rejoining.dispose();
  const jobState = await waitFor(async () => {
    const { ingestJob } = await data<{ ingestJob: Job }>(second.url, JOB, { id: jobId });
    return ingestJob.status === 'SUCCEEDED' || ingestJob.status === 'FAILED'
      ? ingestJob
      : undefined;
  }, 120_000);
  const { rows: counted } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM documents d JOIN collections c ON c.id = d.collection_id
     WHERE c.id = $1 AND d.title LIKE 'Note %'`,
    [decodeId('Collection', notes.createCollection.id)],
  );

  const figures = {
    'runs accepted / completed': `${outcomes.filter((o) => o.accepted).length} / ${outcomes.filter((o) => o.completed).length}`,
    'runs whose client-rebuilt text equals the final answer': `${outcomes.filter((o) => o.textMatches).length} of ${RUNS}`,
    'runs the client saw streaming when the server died': followed.filter((f) =>
      f.events.some((e) => e.__typename === 'TokenDelta'),
    ).length,
    'jobs accepted / completed': `1 / ${jobState.status === 'SUCCEEDED' ? 1 : 0}`,
    'job documents done / stored / sent': `${jobState.documentsDone} / ${counted[0]!.n} / ${documents.length}`,
    lost: outcomes.filter((o) => !o.completed || !o.textMatches).map((o) => o.trail),
  };
  const held =
    outcomes.every((o) => o.accepted && o.completed && o.textMatches) &&
    jobState.status === 'SUCCEEDED' &&
    counted[0]!.n === documents.length;
  recordFinding({ case: 'SIGKILL of the server mid-run (10 runs) and mid-job', held, figures });
  expect(held, JSON.stringify(figures)).toBe(true);
}, 300_000);

/** Follows a subscription, keeping every event it gets until the socket drops or it ends. */
function follow(
  client: ReturnType<typeof wsClient>,
  query: string,
  variables: Record<string, unknown>,
): { events: StreamedEvent[]; done: Promise<void> } {
  const events: StreamedEvent[] = [];
  const done = new Promise<void>((resolve) => {
    client.subscribe<Record<string, StreamedEvent>>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) events.push(Object.values(result.data)[0]!);
        },
        error: () => resolve(),
        complete: () => resolve(),
      },
    );
  });
  return { events, done };
}
