import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { EVENT_FIELDS } from '../e2e/support/runs-fixture.js';
import { createFakeLlmServer } from '../fake-llm/server.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { recordFinding } from './findings.js';

const SOCKETS = 10;
/** The most a connection may have open (WS_MAX_OPERATIONS_PER_CONNECTION). */
const PER_SOCKET = 100;
const WINDOW_MS = 10_000;
const RUN_EVENTS = `subscription ($runId: ID!) { runEvents(runId: $runId) { ${EVENT_FIELDS} } }`;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

// 1,000 subscriptions wait on a run queued behind a run whose model never answers; their
// clients go away. The database's committed transactions per second, measured from outside
// (pg_stat_database, read over a connection to another database), must fall back to what the
// server does with no subscription at all.
it('1,000 closed subscriptions cost the database nothing', async () => {
  const fake = await createFakeLlmServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'ballast-chaos-subs-'));
  const database: TestDatabase = await createTestDatabase();
  const servers: ChildServer[] = [];
  const stats = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await stats.connect();
  cleanup.push(async () => {
    await stats.end();
    for (const server of servers) await server.stop('SIGKILL');
    await database.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const configFile = path.join(dir, 'models.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      chat: [
        {
          id: 'primary',
          baseURL: fake.url,
          model: 'primary',
          timeoutMs: 600_000,
          firstTokenTimeoutMs: 600_000,
          maxRetries: 0,
        },
      ],
      embedding: { id: 'emb', provider: 'local' },
    }),
  );
  fake.script('primary', { hang: true });
  const server = await spawnServer({
    DATABASE_URL: database.url!,
    BALLAST_CONFIG: configFile,
    BALLAST_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  servers.push(server);
  const data = async <T>(query: string, variables?: Record<string, unknown>) => {
    const result = await postGraphQL<T>(server.url, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const { createCollection } = await data<{ createCollection: { id: string } }>(
    'mutation { createCollection(input: { name: "subs" }) { id } }',
  );
  const ASK = 'mutation ($input: AskInput!) { ask(input: $input) { id status thread { id } } }';
  type Asked = { ask: { id: string; status: string; thread: { id: string } } };
  const busy = await data<Asked>(ASK, {
    input: { collectionId: createCollection.id, question: 'A question the model never answers.' },
  });
  const queued = await data<Asked>(ASK, {
    input: {
      collectionId: createCollection.id,
      question: 'Waiting behind it.',
      threadId: busy.ask.thread.id,
    },
  });
  expect(queued.ask.status).toBe('QUEUED');

  const databaseName = new URL(database.url!).pathname.slice(1);
  const commits = async () =>
    Number(
      (
        await stats.query<{ n: string }>(
          'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1',
          [databaseName],
        )
      ).rows[0]!.n,
    );
  const perSecond = async () => {
    const before = await commits();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    return Math.round((((await commits()) - before) / (WINDOW_MS / 1000)) * 10) / 10;
  };
  // Let the start's own counts land first (see below).
  await new Promise((r) => setTimeout(r, 12_000));
  const idle = await perSecond();

  const clients = Array.from({ length: SOCKETS }, () => wsClient(server.url));
  let started = 0;
  for (const client of clients) {
    for (let i = 0; i < PER_SOCKET; i++) {
      client.subscribe(
        { query: RUN_EVENTS, variables: { runId: queued.ask.id } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      started++;
    }
  }
  // Let every subscription start (each reads the run, then waits for news).
  await new Promise((r) => setTimeout(r, 3_000));
  const open = await perSecond();
  await Promise.all(clients.map((client) => client.dispose()));
  // An idle backend may hold its counts up to 10 s (PostgreSQL's idle stats interval): those of
  // the open window must not land in the next one.
  await new Promise((r) => setTimeout(r, 12_000));
  const closed = await perSecond();

  const extra = Math.max(0, Math.round((closed - idle) * 10) / 10);
  const figures = {
    subscriptions: started,
    'transactions/s with no subscription': idle,
    'transactions/s with 1,000 open (waiting on a queued run)': open,
    'transactions/s after every client closed': closed,
    'transactions/s of the 1,000 closed subscriptions (closed minus none)': extra,
  };
  // Background work (job polling, lease renewals, maintenance) varies by a few transactions per
  // second between windows (0 to 2.7 over five runs); the open subscriptions cost about 2,000.
  const held = extra <= 5;
  recordFinding({ case: '1,000 subscriptions whose clients went away', held, figures });
  expect(held, JSON.stringify(figures)).toBe(true);
}, 300_000);
