import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import {
  CLIENT_OPERATIONS,
  COSTLY_QUERY,
  NESTED_PAGES_QUERY,
  NESTED_PAGES_BY_VARIABLES,
  RUN_LOG_PAGE,
} from '../../support/client-operations.js';
import { collectSubscription, wsClient } from '../../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import { postAs } from '../../e2e/security/two-workspaces.js';

// Fails before the cost limit was tuned: `Run.events(first: 1000)` selecting every event type's
// fields cost 334 272 against a limit of 8000, and the threads sidebar 121 865.

const IN_PROGRESS = ['QUEUED', 'RUNNING'];

describe(`the query limits accept what a chat client sends (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let ws: Client;
  const variables: Record<string, string> = {};

  const post = async (query: string, vars: Record<string, unknown> = {}) =>
    postAs(server.url, null, query, vars);
  const data = async <T>(query: string, vars: Record<string, unknown> = {}) => {
    const result = await post(query, vars);
    if (result.body.errors) throw new Error(JSON.stringify(result.body.errors));
    return result.body.data as T;
  };
  const statusOf = async (field: 'ingestJob' | 'run', id: string) =>
    (
      await data<Record<string, { status: string } | null>>(
        `query ($id: ID!) { ${field}(id: $id) { status } }`,
        { id },
      )
    )[field]?.status ?? 'missing';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    ws = wsClient(server.url);
    variables['collectionId'] = (
      await data<{ createCollection: { id: string } }>(
        'mutation { createCollection(input: { name: "limits" }) { id } }',
      )
    ).createCollection.id;
    const job = await data<{ ingestDocuments: { id: string } }>(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId: variables['collectionId'],
          documents: [{ title: 'Leave policy', text: 'Employees get 25 days of annual leave.' }],
        },
      },
    );
    await waitFor({
      what: 'the ingest job SUCCEEDED',
      read: () => statusOf('ingestJob', job.ingestDocuments.id),
      until: (s) => s === 'SUCCEEDED',
      failWhen: (s) => !IN_PROGRESS.includes(s),
      timeoutMs: 45_000,
    });
    const asked = await data<{ ask: { id: string; thread: { id: string } } }>(
      'mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }',
      { input: { collectionId: variables['collectionId'], question: 'How many days of leave?' } },
    );
    variables['runId'] = asked.ask.id;
    variables['threadId'] = asked.ask.thread.id;
    await waitFor({
      what: 'the run SUCCEEDED',
      read: () => statusOf('run', asked.ask.id),
      until: (s) => s === 'SUCCEEDED',
      failWhen: (s) => !IN_PROGRESS.includes(s),
      timeoutMs: 45_000,
    });
  });
  afterAll(async () => {
    await ws?.dispose();
    await server?.stop();
    await database?.destroy();
  });

  const varsOf = (needs: readonly string[]) =>
    Object.fromEntries(needs.map((name) => [name, variables[name]]));

  it.each(CLIENT_OPERATIONS.filter((op) => !op.subscription).map((op) => [op.name, op] as const))(
    'runs %s over HTTP',
    async (_name, op) => {
      const result = await post(op.query, varsOf(op.needs));
      expect(result.body.errors).toBeUndefined();
      expect(result.status).toBe(200);
    },
  );

  it.each(CLIENT_OPERATIONS.map((op) => [op.name, op] as const))(
    'runs %s over WebSocket',
    async (_name, op) => {
      const payloads = await collectSubscription<Record<string, unknown>>(
        ws,
        op.query,
        varsOf(op.needs),
      );
      expect(payloads.length).toBeGreaterThan(0);
    },
  );

  it("reads a run's whole log in one page, with every event's fields", async () => {
    const { run } = await data<{ run: { lastSeq: number; events: { seq: number }[] } }>(
      RUN_LOG_PAGE.query,
      varsOf(RUN_LOG_PAGE.needs),
    );
    expect(run.events.map((e) => e.seq)).toEqual(
      Array.from({ length: run.lastSeq }, (_, i) => i + 1),
    );
  });

  const bigPages = { threads: 100, runs: 100, events: 1000 };
  it.each([
    ['an alias bomb of big pages', COSTLY_QUERY, {}],
    ['nested big pages', NESTED_PAGES_QUERY, {}],
    ['nested big pages sized by variables', NESTED_PAGES_BY_VARIABLES, bigPages],
  ])(
    'refuses %s over HTTP and WebSocket with GRAPHQL_VALIDATION_FAILED',
    async (_name, query, vars) => {
      const http = await post(query, vars);
      expect(http.status).toBe(400);
      expect(http.body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Query Cost limit of 100000 exceeded/),
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
        }),
      ]);
      const refused = await collectSubscription(ws, query, vars).then(
        () => null,
        // The graphql-ws `error` message's errors, as collectSubscription words them.
        (error: Error) => JSON.parse(error.message) as unknown,
      );
      expect(refused).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Query Cost limit of 100000 exceeded/),
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
        }),
      ]);
    },
  );

  it('admits the same nested pages when the variables ask for small ones', async () => {
    const small = { threads: 2, runs: 2, events: 5 };
    const http = await post(NESTED_PAGES_BY_VARIABLES, small);
    expect(http.body.errors).toBeUndefined();
    const payloads = await collectSubscription(ws, NESTED_PAGES_BY_VARIABLES, small);
    expect(payloads).toHaveLength(1);
  });
});
