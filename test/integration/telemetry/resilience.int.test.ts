// Retries, circuit breaker transitions and fallbacks as span events with their reasons, the
// matching metrics, and token cost from the models config's price table on Run.usage.
import { eventually, idOf, parentOf, spansOf } from './support/telemetry.js';
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModelsConfig } from '../../../src/models/config.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  answerReply,
  gradeReply,
  primaryOn,
  seedThroughGraphQL,
} from '../../e2e/support/runs-fixture.js';
import { askStream } from './support/ask-stream.js';

const PRICE = { inputPerMTok: 2, outputPerMTok: 8 };

const eventsNamed = (span: ReadableSpan, name: string) =>
  span.events.filter((e) => e.name === name).map((e) => e.attributes);

describe(`resilience and cost in telemetry (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let leaveChunks: string[];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    const parsed = parseModelsConfig(
      {
        chat: [
          {
            ...primaryOn(fake),
            maxRetries: 1,
            breaker: { failureThreshold: 2, cooldownMs: 60_000 },
            price: PRICE,
          },
        ],
        embedding: { id: 'emb', provider: 'local' },
      },
      {},
    );
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    server = await startTestServer({
      db: database.db,
      models: parsed.config,
      modelDeps: { backoff: { initialDelayMs: 5, maxDelayMs: 10 } },
    });
    const seeded = await seedThroughGraphQL(server);
    collectionId = seeded.collectionId;
    leaveChunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  async function ask(question: string) {
    const received = await askStream(server.url, { collectionId, question });
    const traceId = received[0]!.extensions!['traceId'] as string;
    const spans = await eventually(() => {
      const found = spansOf(traceId);
      return found.some((s) => s.name === 'invoke_workflow agentic-rag') ? found : undefined;
    });
    const { data } = await server.execute<{
      run: {
        usage: {
          inputTokens: number;
          outputTokens: number;
          costUsd: number | null;
          byModel: { model: string; requests: number; costUsd: number | null }[];
        };
      };
    }>(
      'query ($id: ID!) { run(id: $id) { usage { inputTokens outputTokens costUsd byModel { model requests costUsd } } } }',
      { id: received.at(-1)!.event.runId },
    );
    return { spans, usage: data!.run.usage, last: received.at(-1)!.event };
  }

  it('prices each chat call and the run from the models config', async () => {
    fake.script('primary', [gradeReply(leaveChunks), answerReply('Sixteen weeks.', leaveChunks)]);
    const { spans, usage, last } = await ask('How long is parental leave?');
    expect(last.__typename).toBe('RunCompleted');
    const chats = spans.filter((s) => s.name === 'chat primary');
    expect(chats).toHaveLength(2);
    let total = 0;
    for (const chat of chats) {
      const input = chat.attributes['gen_ai.usage.input_tokens'] as number;
      const output = chat.attributes['gen_ai.usage.output_tokens'] as number;
      const cost = (input * PRICE.inputPerMTok + output * PRICE.outputPerMTok) / 1e6;
      expect(chat.attributes['ballast.usage.cost_usd']).toBeCloseTo(cost, 12);
      total += cost;
    }
    expect(usage.costUsd).toBeCloseTo(total, 12);
    expect(usage.byModel).toEqual([{ model: 'primary', requests: 2, costUsd: usage.costUsd }]);
  });

  it('records retries, the breaker opening and the fallback as span events and metrics', async () => {
    fake.script('primary', { status: 503 });
    const { spans, usage, last } = await ask('Is parental leave paid?');
    expect(last.__typename).toBe('RunCompleted');
    const byId = new Map(spans.map((s) => [idOf(s), s]));
    const grade = spans.find((s) => s.name === 'node grade')!;

    // Two attempts on primary under `grade`, both failed with the provider's status.
    const attempts = spans
      .filter((s) => s.name === 'chat primary' && parentOf(s) === idOf(grade))
      .sort(
        (a, b) =>
          Number(a.attributes['ballast.model.attempt']) -
          Number(b.attributes['ballast.model.attempt']),
      );
    expect(attempts.map((s) => s.attributes['ballast.model.attempt'])).toEqual([0, 1]);
    for (const attempt of attempts) {
      expect(attempt.status.code).toBe(SpanStatusCode.ERROR);
      expect(attempt.attributes['error.type']).toBe('HTTP_503');
    }
    // On the node: the retry with its reason and the breaker opening.
    expect(eventsNamed(grade, 'ballast.model.retry')).toEqual([
      { 'ballast.model.id': 'primary', 'ballast.model.attempt': 1, 'error.type': 'HTTP_503' },
    ]);
    expect(eventsNamed(grade, 'ballast.model.circuit')).toEqual([
      { 'ballast.model.id': 'primary', 'ballast.circuit.state': 'OPEN' },
    ]);

    // The graph's fallback node moves the run to local, which grades and then answers.
    const fallback = spans.find((s) => s.name === 'node fallback')!;
    expect(eventsNamed(fallback, 'ballast.model.fallback')).toEqual([
      {
        'ballast.fallback.from_model': 'primary',
        'ballast.fallback.to_model': 'local',
        'error.type': 'HTTP_503',
        'ballast.fallback.restart': false,
      },
    ]);
    const grades = spans.filter((s) => s.name === 'node grade');
    expect(grades).toHaveLength(2);
    expect(
      spans.some(
        (s) => s.name === 'chat extractive-v1' && grades.some((g) => parentOf(s) === idOf(g)),
      ),
    ).toBe(true);
    const generates = spans.filter((s) => s.name === 'node generate');
    expect(generates).toHaveLength(1);
    const answered = spans.filter(
      (s) => s.name === 'chat extractive-v1' && byId.get(parentOf(s)!)?.name === 'node generate',
    );
    expect(answered).toHaveLength(1);

    // Usage: primary's failed requests used nothing; the local model is free.
    expect(usage.byModel).toEqual([
      { model: 'primary', requests: 2, costUsd: 0 },
      { model: 'local', requests: 2, costUsd: 0 },
    ]);
    expect(usage.costUsd).toBe(0);

    const metrics = await fetch(new URL('/metrics', server.url)).then((r) => r.text());
    const line = (pattern: RegExp) => metrics.split('\n').find((l) => pattern.test(l));
    expect(
      line(/^ballast_model_retries_total\{.*ballast_model_id="primary".*error_type="HTTP_503"/),
    ).toMatch(/ 1$/);
    expect(
      line(/^ballast_model_circuit_transitions_total\{.*ballast_circuit_state="OPEN"/),
    ).toMatch(/ 1$/);
    expect(line(/^ballast_model_fallbacks_total\{.*error_type="HTTP_503"/)).toMatch(/ 1$/);
    expect(line(/^ballast_model_circuit_state\{.*ballast_model_id="primary"/)).toMatch(/ 2$/);
    expect(
      line(/^ballast_model_cost_USD_total\{.*ballast_model_id="primary"/) ??
        line(/^ballast_model_cost/),
    ).toBeDefined();
    expect(line(/^ballast_run_duration_count\{.*ballast_run_status="SUCCEEDED"/)).toMatch(/ 2$/);
    expect(line(/^gen_ai_client_token_usage.*_count\{.*gen_ai_token_type="output"/)).toBeDefined();
    // Queue depth: jobs waiting in a queue nobody works.
    await server.services.queue.ensureQueue('telemetry-probe');
    await server.services.queue.enqueue('telemetry-probe', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    const scraped = await fetch(new URL('/metrics', server.url)).then((r) => r.text());
    expect(scraped).toMatch(
      /^ballast_jobs_queue_depth\{ballast_jobs_queue="telemetry-probe".*\} 3$/m,
    );
    expect(
      line(/^ballast_graphql_operation_duration_count\{.*ballast_graphql_root_field="askStream"/),
    ).toMatch(/ 2$/);
    // One family per name, or Prometheus rejects the scrape.
    const types = metrics.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
  });
});
