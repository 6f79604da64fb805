// Acceptance 1 and 3 of the observability issue: one askStream is one trace, nested from the
// GraphQL operation down to SQL, with token usage on the chat spans; `run(id) { trace }` serves it.
import { eventually, exporter, idOf, parentOf, spanNamed, spansOf } from './support/telemetry.js';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, gradeReply } from '../../e2e/support/runs-fixture.js';
import { askStream } from './support/ask-stream.js';
import { useHandbookServer } from './support/handbook-server.js';
import { decodeId } from '../../../src/graphql/ids.js';

const ANSWER = 'Parental leave is sixteen weeks at full pay.';
const NODES = ['begin', 'cache', 'retrieve', 'grade', 'generate', 'validate', 'respond'];

const isSql = (span: ReadableSpan) => span.attributes['db.system.name'] === 'postgresql';

describe(`one askStream is one trace (${TEST_DATABASE_MODE})`, () => {
  const handbook = useHandbookServer();
  let finishedRun: { id: string; traceId: string } | undefined;

  it('nests operation → workflow → nodes → chat/embeddings/retrieval → SQL, with usage', async () => {
    const { fake, server, collectionId, leaveChunks } = handbook;
    fake.script('primary', [gradeReply(leaveChunks), answerReply(ANSWER, leaveChunks)]);
    const received = await askStream(server.url, {
      collectionId,
      question: 'How long is parental leave?',
    });
    const last = received.at(-1)!;
    expect(last.event.__typename).toBe('RunCompleted');

    // Every event of the subscription carries the operation's trace id.
    const traceId = received[0]!.extensions?.['traceId'];
    expect(typeof traceId).toBe('string');
    expect(received.every((r) => r.extensions?.['traceId'] === traceId)).toBe(true);

    const spans = await eventually(() => {
      const found = spansOf(traceId as string);
      const done =
        found.some((s) => s.name === 'invoke_workflow agentic-rag') &&
        found.some((s) => s.name === 'subscription Ask');
      return done ? found : undefined;
    });
    const byId = new Map(spans.map((s) => [idOf(s), s]));
    const ancestors = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let p = parentOf(span); p !== undefined; p = parentOf(byId.get(p)!)) {
        expect(byId.has(p), `parent of ${span.name} is in the trace`).toBe(true);
        names.push(byId.get(p)!.name);
      }
      return names;
    };

    // The GraphQL operation is the root: graphql-ws has no HTTP request around it. The
    // execution of each event makes no span of its own (see graphql-ws-operation.ts).
    const operation = spanNamed(spans, 'subscription Ask');
    expect(parentOf(operation)).toBeUndefined();
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(spans.filter((s) => s.name === 'subscription Ask')).toEqual([operation]);
    // graphql-ws parses and validates the subscription outside its span: those spans are not
    // recorded either (each would be a one-span trace), anywhere in the process.
    const orphanNoise = exporter
      .getFinishedSpans()
      .filter((s) => parentOf(s) === undefined && /^graphql\.(parse|validate)/.test(s.name));
    expect(orphanNoise).toEqual([]);
    // Nor is SQL BEGIN; COMMIT is.
    expect(spans.some((s) => s.name.startsWith('pg.query:BEGIN'))).toBe(false);
    expect(spans.some((s) => s.name.startsWith('pg.query:COMMIT'))).toBe(true);
    expect(operation.attributes['graphql.operation.type']).toBe('subscription');
    // submitRun's SQL runs in the operation; the run, executed later by a worker, continues it.
    expect(spans.some((s) => isSql(s) && parentOf(s) === idOf(operation))).toBe(true);
    const workflow = spanNamed(spans, 'invoke_workflow agentic-rag');
    expect(parentOf(workflow)).toBe(idOf(operation));
    expect(workflow.attributes['gen_ai.operation.name']).toBe('invoke_workflow');
    const runId = workflow.attributes['ballast.run.id'];
    const threadId = workflow.attributes['gen_ai.conversation.id'];
    expect(typeof threadId).toBe('string');
    expect(workflow.attributes['ballast.run.status']).toBe('SUCCEEDED');

    // One span per node, each a child of the workflow.
    for (const node of NODES) {
      const span = spanNamed(spans, `node ${node}`);
      expect(parentOf(span), node).toBe(idOf(workflow));
      expect(span.attributes['gen_ai.conversation.id']).toBe(threadId);
    }

    // Two model calls (grade, then the answer), each under its node, with token usage.
    const chats = spans.filter((s) => s.name === 'chat primary');
    expect(chats.map((s) => byId.get(parentOf(s)!)!.name).sort()).toEqual([
      'node generate',
      'node grade',
    ]);
    for (const chat of chats) {
      expect(chat.kind).toBe(SpanKind.CLIENT);
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'primary',
        'gen_ai.response.model': 'primary',
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.conversation.id': threadId,
        'ballast.model.id': 'primary',
      });
      expect(chat.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
      // The HTTP request to the provider nests under its attempt.
      expect(spans.some((s) => s.kind === SpanKind.CLIENT && parentOf(s) === idOf(chat))).toBe(
        true,
      );
    }

    // Embeddings: the question, once, for the cache lookup (retrieval reuses the vector).
    const embeddings = spans.filter((s) => s.name === 'embeddings hashing-v1');
    expect(embeddings).toHaveLength(1);
    for (const span of embeddings) {
      expect(span.attributes['gen_ai.operation.name']).toBe('embeddings');
      expect(ancestors(span)).toContain('invoke_workflow agentic-rag');
    }
    const retrieval = spanNamed(spans, /^retrieval /);
    expect(retrieval.name).toBe(`retrieval ${retrieval.attributes['gen_ai.data_source.id']}`);
    expect(byId.get(parentOf(retrieval)!)!.name).toBe('node retrieve');
    expect(byId.get(parentOf(embeddings[0]!)!)!.name).toBe('node cache');
    expect(embeddings.some((s) => parentOf(s) === idOf(retrieval))).toBe(false);
    expect(spans.some((s) => isSql(s) && parentOf(s) === idOf(retrieval))).toBe(true);

    // SQL of the nodes (checkpoints, cache, search) and of the run's event log nests too.
    const sql = spans.filter(isSql);
    expect(sql.length).toBeGreaterThan(10);
    for (const span of sql) expect(ancestors(span).at(-1)).toBe('subscription Ask');
    expect(sql.some((s) => ancestors(s).includes('node cache'))).toBe(true);
    expect(sql.some((s) => ancestors(s)[0] === 'invoke_workflow agentic-rag')).toBe(true);

    // Nothing of this trace escaped into another one, and nothing is unparented but the root.
    expect(spans.filter((s) => parentOf(s) === undefined)).toEqual([operation]);

    // The run's traceId and usage agree with the trace.
    const { data } = await server.execute<{
      run: {
        traceId: string;
        usage: { inputTokens: number; outputTokens: number; byModel: { model: string }[] };
      };
    }>(
      'query ($id: ID!) { run(id: $id) { traceId usage { inputTokens outputTokens byModel { model } } } }',
      {
        id: last.event.runId,
      },
    );
    expect(data!.run.traceId).toBe(traceId);
    const sum = (key: string) =>
      chats.reduce((total, chat) => total + (chat.attributes[key] as number), 0);
    expect(data!.run.usage.inputTokens).toBe(sum('gen_ai.usage.input_tokens'));
    expect(data!.run.usage.outputTokens).toBe(sum('gen_ai.usage.output_tokens'));
    expect(data!.run.usage.byModel.map((m) => m.model)).toEqual(['primary']);
    expect(runId).toBeTypeOf('string');
    finishedRun = { id: last.event.runId, traceId: traceId as string };
  });

  it('run(id) { trace } serves the finished run from the in-memory store', async () => {
    const { server } = handbook;
    expect(finishedRun).toBeDefined();
    const { data, errors } = await server.execute<{
      run: {
        traceId: string;
        trace: {
          traceId: string;
          droppedSpans: number;
          spans: {
            spanId: string;
            parentId: string | null;
            name: string;
            kind: string;
            startMs: number;
            durationMs: number;
            status: string;
            attributes: Record<string, unknown>;
            events: { name: string }[];
          }[];
        };
      };
    }>(
      `query ($id: ID!) { run(id: $id) { traceId trace { traceId droppedSpans spans {
        spanId parentId name kind startMs durationMs status attributes events { name atMs attributes }
      } } } }`,
      { id: finishedRun!.id },
    );
    expect(errors).toBeUndefined();
    const trace = data!.run.trace;
    expect(trace.traceId).toBe(finishedRun!.traceId);
    expect(trace.droppedSpans).toBe(0);
    const spans = trace.spans;
    // The store holds what the exporter got for this trace (scrubbed the same way).
    expect(spans.map((s) => s.spanId).sort()).toEqual(
      spansOf(finishedRun!.traceId).map(idOf).sort(),
    );
    expect(spans[0]!.startMs).toBe(0);
    expect(spans.map((s) => s.startMs)).toEqual(
      [...spans.map((s) => s.startMs)].sort((a, b) => a - b),
    );
    const ids = new Set(spans.map((s) => s.spanId));
    for (const span of spans) {
      expect(span.durationMs).toBeGreaterThanOrEqual(0);
      if (span.parentId !== null) expect(ids.has(span.parentId)).toBe(true);
    }
    const workflow = spans.find((s) => s.name === 'invoke_workflow agentic-rag')!;
    expect(workflow.status).toBe('UNSET');
    expect(workflow.attributes['ballast.run.status']).toBe('SUCCEEDED');
    expect(workflow.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
    const generate = spans.find((s) => s.name === 'node generate')!;
    const chat = spans.find((s) => s.name === 'chat primary' && s.parentId === generate.spanId)!;
    expect(chat.kind).toBe('CLIENT');
    expect(chat.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    expect(chat.startMs).toBeGreaterThanOrEqual(generate.startMs);
    expect(chat.startMs + chat.durationMs).toBeLessThanOrEqual(
      generate.startMs + generate.durationMs + 0.01,
    );
  });
  it('continues an ingestDocuments operation in its batches: operation → ingest batch → embeddings, SQL', async () => {
    const { server, collectionId } = handbook;
    const submitted = await server.execute<{ ingestDocuments: { id: string } }>(
      'mutation IngestForTrace($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: [{ title: 'Travel policy', text: 'Book trains for trips under four hours.' }],
        },
      },
    );
    const jobId = decodeId('IngestJob', submitted.data!.ingestDocuments.id);
    expect(jobId).not.toBeNull();

    const batch = await eventually(() =>
      exporter
        .getFinishedSpans()
        .find((s) => s.name === 'ingest batch' && s.attributes['ballast.ingest.job_id'] === jobId),
    );
    expect(batch.attributes['ballast.ingest.documents']).toBe(1);
    const spans = spansOf(batch.spanContext().traceId);
    // The batch ran later, in a job worker, yet it is a child of the operation that submitted it.
    const operation = spanNamed(spans, /IngestForTrace/);
    expect(parentOf(batch)).toBe(idOf(operation));
    const byId = new Map(spans.map((s) => [idOf(s), s]));
    const underBatch = (span: ReadableSpan): boolean => {
      for (let p = parentOf(span); p !== undefined; p = parentOf(byId.get(p)!)) {
        if (p === idOf(batch)) return true;
        if (!byId.has(p)) return false;
      }
      return false;
    };
    const embedding = spanNamed(spans, 'embeddings hashing-v1');
    expect(underBatch(embedding)).toBe(true);
    expect(spans.some((s) => isSql(s) && underBatch(s) && /INSERT/.test(s.name))).toBe(true);
  });
});
