// The parts of the contract a typed chat client relies on: coded fields are enums, every graph
// step is announced before it runs, a cached answer streams like any other, and a message links
// to its run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FALLBACK_REASONS } from '../../graphs/agentic-rag/fallback-reasons.js';
import { ERROR_CODES } from '../../src/errors.js';
import { PII_TYPES } from '../../src/governance/pii.js';
import { parseModelsConfig, type ModelsConfig } from '../../src/models/config.js';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import {
  answerReply,
  assembleText,
  collectEvents,
  gradeReply,
  primaryOn,
  seedThroughGraphQL,
  type StreamedEvent,
} from './support/runs-fixture.js';

const FIELDS = `
  __typename seq
  ... on NodeStarted { node }
  ... on NodeFinished { node }
  ... on TokenDelta { text }
  ... on ModelFallback { fromModel toModel reason restart }
  ... on RunCompleted { answer { text model fallbackPath cached } }
  ... on RunFailed { code message }`;
const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { ${FIELDS} } }`;
const ANSWER = 'Parental leave is sixteen weeks at full pay.';
const RECEIPTS = 'Receipts are due within thirty days.';

type Event = StreamedEvent & { node?: string; fromModel?: string; toModel?: string };

/** `primary`, then `secondary`, both on the fake server. */
function twoRemoteModels(fake: FakeLlmServer): ModelsConfig {
  const parsed = parseModelsConfig(
    {
      chat: [primaryOn(fake), { ...primaryOn(fake), id: 'secondary', model: 'secondary' }],
      embedding: { id: 'emb', provider: 'local' },
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.config;
}

describe(`the frontend contract (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let leaveChunks: string[];
  let expenseChunks: string[];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, models: twoRemoteModels(fake) });
    const seeded = await seedThroughGraphQL(server);
    collectionId = seeded.collectionId;
    leaveChunks = await seeded.chunkIds(/Parental leave/);
    expenseChunks = await seeded.chunkIds(/Receipts/);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const askStream = async (question: string, collection = collectionId): Promise<Event[]> => {
    const client = wsClient(server.url);
    try {
      return await collectEvents(client, ASK_STREAM, {
        input: { collectionId: collection, question },
      });
    } finally {
      await client.dispose();
    }
  };

  it('introspection shows enums for codes, reasons and PII types, and Message.runId deprecated', async () => {
    const enumValues = `enumValues { name }`;
    const fieldTypes = `fields(includeDeprecated: true) {
      name isDeprecated deprecationReason type { kind name ofType { kind name } }
    }`;
    const result = await server.execute<
      Record<
        string,
        {
          enumValues?: { name: string }[];
          fields?: {
            name: string;
            isDeprecated: boolean;
            deprecationReason: string | null;
            type: {
              kind: string;
              name: string | null;
              ofType: { kind: string; name: string } | null;
            };
          }[];
        }
      >
    >(
      `{
        errorCode: __type(name: "ErrorCode") { ${enumValues} }
        fallbackReason: __type(name: "FallbackReason") { ${enumValues} }
        piiType: __type(name: "PiiType") { ${enumValues} }
        runFailed: __type(name: "RunFailed") { ${fieldTypes} }
        runError: __type(name: "RunError") { ${fieldTypes} }
        ingestError: __type(name: "IngestError") { ${fieldTypes} }
        modelFallback: __type(name: "ModelFallback") { ${fieldTypes} }
        piiCount: __type(name: "PiiCount") { ${fieldTypes} }
        message: __type(name: "Message") { ${fieldTypes} }
      }`,
    );
    const data = result.data!;
    const names = (key: string) => data[key]!.enumValues!.map((v) => v.name);
    expect(names('errorCode')).toEqual(ERROR_CODES);
    expect(names('fallbackReason')).toEqual(FALLBACK_REASONS);
    expect(names('piiType')).toEqual(PII_TYPES);
    const field = (key: string, name: string) => data[key]!.fields!.find((f) => f.name === name)!;
    const enumOf = (key: string, name: string) => {
      const { type } = field(key, name);
      return type.kind === 'NON_NULL' && type.ofType?.kind === 'ENUM' ? type.ofType.name : null;
    };
    expect(enumOf('runFailed', 'code')).toBe('ErrorCode');
    expect(enumOf('runError', 'code')).toBe('ErrorCode');
    expect(enumOf('ingestError', 'code')).toBe('ErrorCode');
    expect(enumOf('modelFallback', 'reason')).toBe('FallbackReason');
    expect(enumOf('piiCount', 'type')).toBe('PiiType');
    expect(field('message', 'run').type).toMatchObject({ kind: 'OBJECT', name: 'Run' });
    expect(field('message', 'runId')).toMatchObject({
      isDeprecated: true,
      deprecationReason: expect.stringContaining('run { id }'),
    });
  });

  it('a failed run says why with a member of ErrorCode, in RunFailed and in Run.error, and each hop with a FallbackReason', async () => {
    // An empty collection: once the remote models fail, the local model has nothing to answer from.
    const empty = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "empty" }) { id } }',
    );
    fake.script('primary', { status: 503 });
    fake.script('secondary', { status: 503 });

    const events = await askStream(
      'How often do passwords rotate?',
      empty.data!.createCollection.id,
    );

    const fallbacks = events.filter((e) => e.__typename === 'ModelFallback');
    expect(fallbacks.map((e) => [e.fromModel, e.toModel, e.reason])).toEqual([
      ['primary', 'secondary', 'HTTP_503'],
      ['secondary', 'local', 'HTTP_503'],
    ]);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ __typename: 'RunFailed', code: 'MODEL_UNAVAILABLE' });
    expect(ERROR_CODES).toContain(last.code);
    const runs = await server.execute<{
      threads: { edges: { node: { runs: { edges: { node: { error: { code: string } } }[] } } }[] };
    }>(
      `{ threads(first: 1) { edges { node { runs(first: 1) { edges { node { error { code } } } } } } } }`,
    );
    const run = runs.data!.threads.edges[0]!.node.runs.edges[0]!.node;
    expect(run.error.code).toBe('MODEL_UNAVAILABLE');
  });

  it('announces every graph step with NodeStarted before its events, closed by NodeFinished', async () => {
    fake.script('primary', [gradeReply(leaveChunks), answerReply(ANSWER, leaveChunks)]);

    const events = await askStream('How long is parental leave?');

    expect(events.at(-1)!.__typename).toBe('RunCompleted');
    const steps = events.filter(
      (e) => e.__typename === 'NodeStarted' || e.__typename === 'NodeFinished',
    );
    // Steps never overlap: each NodeStarted is followed by the NodeFinished of the same node.
    for (let i = 0; i < steps.length; i += 2) {
      expect([steps[i]!.__typename, steps[i + 1]?.__typename]).toEqual([
        'NodeStarted',
        'NodeFinished',
      ]);
      expect(steps[i + 1]!.node).toBe(steps[i]!.node);
    }
    expect(steps.filter((e) => e.__typename === 'NodeStarted').map((e) => e.node)).toEqual([
      'begin',
      'cache',
      'retrieve',
      'grade',
      'generate',
      'validate',
      'respond',
    ]);
    // The generate step's tokens come between its NodeStarted and its NodeFinished.
    const at = (type: string, node: string) =>
      events.findIndex((e) => e.__typename === type && e.node === node);
    const tokens = events.flatMap((e, i) => (e.__typename === 'TokenDelta' ? [i] : []));
    expect(tokens.length).toBeGreaterThan(0);
    expect(Math.min(...tokens)).toBeGreaterThan(at('NodeStarted', 'generate'));
    expect(Math.max(...tokens)).toBeLessThan(at('NodeFinished', 'generate'));
  });

  it('streams a cached answer as TokenDeltas equal to its text, its fallbackPath ending with its model', async () => {
    fake.script('primary', [gradeReply(expenseChunks), answerReply(RECEIPTS, expenseChunks)]);
    const first = await askStream('When are expense receipts due?');
    expect(first.at(-1)!.answer).toMatchObject({ text: RECEIPTS, cached: false });
    fake.reset();

    const events = await askStream('When are expense receipts due?');

    const last = events.at(-1)!;
    expect(last.__typename).toBe('RunCompleted');
    expect(last.answer).toMatchObject({ text: RECEIPTS, cached: true, model: 'primary' });
    expect(last.answer!.fallbackPath.at(-1)).toBe(last.answer!.model);
    expect(events.filter((e) => e.__typename === 'TokenDelta').length).toBeGreaterThan(0);
    expect(assembleText(events)).toBe(RECEIPTS);
    expect(fake.requests.filter((r) => r.path.includes('chat'))).toEqual([]);
  });

  it('links each message to its run: Message.run, with the deprecated runId still its id', async () => {
    fake.script('primary', [gradeReply(leaveChunks), answerReply(ANSWER, leaveChunks)]);
    const events = await askStream('Is parental leave paid?');
    expect(events.at(-1)!.__typename).toBe('RunCompleted');

    const result = await server.execute<{
      threads: {
        edges: {
          node: {
            messages: {
              edges: {
                node: { role: string; runId: string; run: { id: string; status: string } | null };
              }[];
            };
          };
        }[];
      };
    }>(
      `{ threads(first: 1) { edges { node { messages { edges { node { role runId run { id status } } } } } } } }`,
    );
    const messages = result.data!.threads.edges[0]!.node.messages.edges.map((e) => e.node);
    // Newest first: the answer, then its question.
    expect(messages.map((m) => m.role)).toEqual(['ASSISTANT', 'USER']);
    for (const message of messages) {
      expect(message.run).toEqual({ id: message.runId, status: 'SUCCEEDED' });
    }
  });

  it('counts redacted PII per PiiType', async () => {
    const job = await server.execute<{ ingestDocuments: { id: string } }>(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: [{ title: 'Contacts', text: 'Write to hr@example.com about leave.' }],
        },
      },
    );
    const id = job.data!.ingestDocuments.id;
    const done = await waitFor({
      what: `ingest job ${id} SUCCEEDED`,
      read: async () =>
        (
          await server.execute<{
            ingestJob: { status: string; piiRedacted: { type: string; count: number }[] };
          }>('query ($id: ID!) { ingestJob(id: $id) { status piiRedacted { type count } } }', {
            id,
          })
        ).data!.ingestJob,
      until: (state) => state.status === 'SUCCEEDED',
      failWhen: (state) => state.status === 'FAILED',
      timeoutMs: 30_000,
    });
    expect(done.piiRedacted).toEqual([{ type: 'EMAIL', count: 1 }]);
  });
});
