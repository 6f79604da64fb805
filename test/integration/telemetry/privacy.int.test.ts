// Acceptance 2 of the observability issue: a question full of PII leaves no trace of it in any
// exported span, stored trace, log line or metric; with content capture on, content is recorded
// only after PII redaction.
import { exporter, telemetry } from './support/telemetry.js';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureTelemetry } from '../../../src/telemetry/index.js';
import { createLogger } from '../../../src/logger.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import {
  answerReply,
  fakeChain,
  gradeReply,
  HANDBOOK_DOCUMENTS,
  seedThroughGraphQL,
} from '../../e2e/support/runs-fixture.js';
import { askStream } from './support/ask-stream.js';

// Each is found by the PII redactor; the markers are plain words that must not appear either.
const PII = [
  'jane.doe@example.com',
  '+1 415-555-0132',
  '(415) 555-0199',
  '4111 1111 1111 1111',
  '5555-5555-5555-4444',
  'DE89 3704 0044 0532 0130 00',
];
const QUESTION_MARKER = 'zebracorn';
const ANSWER_MARKER = 'quokkaword';
const DOCUMENT_MARKER = 'wombatword';
const QUESTION =
  `${QUESTION_MARKER}: I am Jane (jane.doe@example.com, +1 415-555-0132, or (415) 555-0199). ` +
  'Refund card 4111 1111 1111 1111, or 5555-5555-5555-4444, IBAN DE89 3704 0044 0532 0130 00: ' +
  'how long is parental leave?';
const ANSWER = `${ANSWER_MARKER}: sixteen weeks; write to jane.doe@example.com to apply.`;

/** Every way a secret could be written out: as given, digits only, URL-encoded. */
const needles = [
  ...PII,
  ...PII.map((p) => p.replace(/[^0-9A-Za-z@.]/g, '')).filter((p) => p.length >= 10),
  ...PII.map((p) => new URLSearchParams({ p }).toString().slice(2)),
  ...PII.map((p) => encodeURIComponent(p)),
  'jane.doe',
];

function spanText(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    events: span.events,
    status: span.status,
    links: span.links,
    resource: span.resource.attributes,
  });
}

describe(`privacy of telemetry (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let leaveChunks: string[];
  const logLines: string[] = [];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    const logger = createLogger({
      level: 'trace',
      destination: { write: (line: string) => void logLines.push(line) },
    });
    server = await startTestServer({ db: database.db, models: fakeChain(fake), logger });
    const seeded = await seedThroughGraphQL(server, [
      ...HANDBOOK_DOCUMENTS,
      {
        title: 'Payroll',
        text: `${DOCUMENT_MARKER}: payroll questions go to pay.roll@example.net or +1 212-555-0147.`,
      },
    ]);
    collectionId = seeded.collectionId;
    leaveChunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    configureTelemetry({ captureContent: false });
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });
  beforeEach(() => {
    exporter.reset();
    logLines.length = 0;
  });

  /**
   * Asks over graphql-ws, then over HTTP (POST, a GET search, a rejected variable). The second
   * run's grading fails over to the local model, which logs.
   */
  async function askEverywhere(): Promise<string[]> {
    // The second run stays on the local model once its grading failed over: it may end without
    // an answer; what matters here is what its model calls and logs let out.
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(ANSWER, leaveChunks),
      { status: 503 },
    ]);
    // Each run calls the models: a repeated question would be answered from the answer cache.
    const forget = () => server.services.db.pool.query('DELETE FROM answer_cache');
    await forget();
    const streamed = await askStream(server.url, { collectionId, question: QUESTION });
    expect(streamed.at(-1)!.event.__typename).toBe('RunCompleted');
    const traceIds = [streamed[0]!.extensions!['traceId'] as string];

    const post = async (body: unknown) =>
      (await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as {
        data?: { ask?: { id: string } };
        errors?: unknown[];
        extensions?: { traceId?: string };
      };
    await forget();
    const asked = await post({
      query: `mutation { ask(input: { collectionId: "${collectionId}", question: ${JSON.stringify(QUESTION)} }) { id } }`,
    });
    expect(asked.errors).toBeUndefined();
    traceIds.push(asked.extensions!.traceId!);
    const rejected = await post({
      query: 'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      variables: { input: { collectionId, question: QUESTION, ifBusy: PII[0] } },
    });
    expect(rejected.errors).toBeDefined();
    const search = new URL(server.url);
    search.searchParams.set(
      'query',
      `query Search($c: ID!, $q: String!) { search(collectionId: $c, query: $q) { score } }`,
    );
    search.searchParams.set('variables', JSON.stringify({ c: collectionId, q: QUESTION }));
    const searched = await fetch(search, { headers: { 'apollo-require-preflight': 'true' } });
    expect(searched.status).toBe(200);

    // Wait for the HTTP ask's run to finish too.
    const runId = asked.data!.ask!.id;
    await waitFor({
      what: `the HTTP ask's run ${runId} to end`,
      read: async () => {
        const { data, errors } = await server.execute<{ run: { status: string } | null }>(
          'query ($id: ID!) { run(id: $id) { status } }',
          { id: runId },
        );
        return data?.run?.status ?? `no run: ${JSON.stringify(errors)}`;
      },
      until: (status) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(status),
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    await telemetry.forceFlush();
    return traceIds;
  }

  /** Everything telemetry let out: exported spans, stored traces, log lines, /metrics. */
  async function everythingExported(traceIds: readonly string[]) {
    const spans = exporter.getFinishedSpans();
    const stored = traceIds.map((id) => JSON.stringify(telemetry.store!.get(id)));
    const metrics = await fetch(new URL('/metrics', server.url)).then((r) => r.text());
    return { spans, stored, logs: logLines, metrics };
  }

  it('by default, no question, answer, document or PII in spans, stored traces, logs or metrics', async () => {
    const traceIds = await askEverywhere();
    const { spans, stored, logs, metrics } = await everythingExported(traceIds);
    expect(spans.length).toBeGreaterThan(100);
    expect(spans.some((s) => s.name === 'chat primary')).toBe(true);
    // Log lines inside a traced operation carry its trace.
    expect(
      logs.some((line) => /"trace_id":"[0-9a-f]{32}","span_id":"[0-9a-f]{16}"/.test(line)),
    ).toBe(true);
    expect(metrics).toContain('gen_ai_client_operation_duration');
    const haystacks = [...spans.map(spanText), ...stored, ...logs, metrics];
    for (const needle of [...needles, QUESTION_MARKER, ANSWER_MARKER, DOCUMENT_MARKER]) {
      const found = haystacks.find((text) => text.includes(needle));
      expect(found, `"${needle}" leaked`).toBeUndefined();
    }
  });

  it('with content capture on, content is recorded only after PII redaction', async () => {
    configureTelemetry({ captureContent: true });
    try {
      const traceIds = await askEverywhere();
      const { spans, stored, logs, metrics } = await everythingExported(traceIds);
      const chats = spans.filter((s) => s.name === 'chat primary');
      const input = chats.map((s) => String(s.attributes['gen_ai.input.messages'])).join('\n');
      const output = chats.map((s) => String(s.attributes['gen_ai.output.messages'])).join('\n');
      // Content is there, with placeholders where the PII was.
      expect(input).toContain(QUESTION_MARKER);
      expect(input).toContain('[EMAIL_1]');
      expect(input).toContain('[CREDIT_CARD_1]');
      expect(input).toContain(DOCUMENT_MARKER);
      expect(output).toContain(ANSWER_MARKER);
      expect(output).toContain('[EMAIL_');
      const retrieval = spans.find((s) => s.name.startsWith('retrieval '))!;
      expect(String(retrieval.attributes['gen_ai.retrieval.query.text'])).toContain(
        QUESTION_MARKER,
      );
      const haystacks = [...spans.map(spanText), ...stored, ...logs, metrics];
      for (const needle of [...needles, 'pay.roll@example.net', '212-555-0147']) {
        const found = haystacks.find((text) => text.includes(needle));
        expect(found, `"${needle}" leaked`).toBeUndefined();
      }
    } finally {
      configureTelemetry({ captureContent: false });
    }
  });
});
