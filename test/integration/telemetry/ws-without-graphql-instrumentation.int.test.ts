// Issue 20, point 8: graphql-ws operations are traced by the `execute` and `subscribe` handed to
// graphql-ws, which need neither a patch of graphql nor the graphql instrumentation. With
// OTEL_NODE_DISABLED_INSTRUMENTATIONS=graphql (graphql left unpatched), a subscription, a query
// and a mutation over WebSocket are traced as with all four instrumentations.
import { exporter } from './support/telemetry-without-graphql.js';
import { eventually, idOf, parentOf, spanNamed } from './support/span-helpers.js';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { execute, parse, subscribe, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, gradeReply } from '../../e2e/support/runs-fixture.js';
import { askStream } from './support/ask-stream.js';
import { useHandbookServer } from './support/handbook-server.js';
import { wsRequest } from './support/ws-request.js';

const endMs = (span: ReadableSpan) => span.endTime[0] * 1e3 + span.endTime[1] / 1e6;
const isSql = (span: ReadableSpan) => span.attributes['db.system.name'] === 'postgresql';
const spansOf = (traceId: string) =>
  exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);

/** The spans of `traceId` once one named `name` has ended. */
const traceWith = (traceId: string, name: string) =>
  eventually(() => {
    const spans = spansOf(traceId);
    return spans.some((s) => s.name === name) ? spans : undefined;
  });

describe(`graphql-ws operations without the graphql instrumentation (${TEST_DATABASE_MODE})`, () => {
  const handbook = useHandbookServer();

  it('leaves graphql unpatched: its own subscribe, outside graphql-ws, makes no span', async () => {
    expect((execute as { __wrapped?: boolean }).__wrapped).toBeUndefined();
    const schema = makeExecutableSchema({
      typeDefs: 'type Query { ok: Boolean } type Subscription { tick: Int }',
      resolvers: {
        Subscription: {
          tick: {
            subscribe: async function* () {
              yield { tick: 1 };
            },
          },
        },
      },
    });
    const stream = await subscribe({ schema, document: parse('subscription Tick { tick }') });
    const results: ExecutionResult[] = [];
    for await (const result of stream as AsyncIterable<ExecutionResult>) results.push(result);
    expect(results).toEqual([{ data: { tick: 1 } }]);
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'subscription Tick')).toEqual([]);
  });

  it('a subscription is one operation span for its whole life, the root of the run’s trace', async () => {
    const { fake, server, collectionId, leaveChunks } = handbook;
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply('Parental leave is sixteen weeks at full pay.', leaveChunks),
    ]);
    const received = await askStream(server.url, {
      collectionId,
      question: 'How long is parental leave?',
    });
    expect(received.at(-1)!.event.__typename).toBe('RunCompleted');
    const traceId = received[0]!.extensions?.['traceId'];
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(received.every((r) => r.extensions?.['traceId'] === traceId)).toBe(true);

    const spans = await eventually(() => {
      const found = spansOf(traceId as string);
      const done = ['subscription Ask', 'invoke_workflow agentic-rag'].every((name) =>
        found.some((s) => s.name === name),
      );
      return done ? found : undefined;
    });
    const operation = spanNamed(spans, 'subscription Ask');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'subscription',
      'graphql.operation.name': 'Ask',
      'ballast.graphql.root_field': 'askStream',
    });
    expect(spans.filter((s) => s.name === 'subscription Ask')).toEqual([operation]);
    expect(spans.filter((s) => parentOf(s) === undefined)).toEqual([operation]);
    const workflow = spanNamed(spans, 'invoke_workflow agentic-rag');
    expect(parentOf(workflow)).toBe(idOf(operation));
    expect(spans.some((s) => isSql(s) && parentOf(s) === idOf(operation))).toBe(true);
    // The answer streamed while the subscription was open: its span ends after generation.
    const generate = spanNamed(spans, 'node generate');
    expect(endMs(operation)).toBeGreaterThanOrEqual(endMs(generate));
  });

  it('a query and a mutation are each one operation span, the trace id in their result', async () => {
    const { server } = handbook;
    const queried = await wsRequest(server.url, 'query Health { health { status } }');
    expect(queried.errors).toBeUndefined();
    const queryTrace = queried.extensions?.['traceId'];
    expect(queryTrace).toMatch(/^[0-9a-f]{32}$/);
    const query = spanNamed(await traceWith(queryTrace as string, 'query Health'), 'query Health');
    expect(query.kind).toBe(SpanKind.SERVER);
    expect(parentOf(query)).toBeUndefined();
    expect(query.attributes['ballast.graphql.root_field']).toBe('health');

    const created = await wsRequest(
      server.url,
      'mutation Create { createCollection(input: { name: "over-ws" }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    const spans = await traceWith(created.extensions!['traceId'] as string, 'mutation Create');
    const mutation = spanNamed(spans, 'mutation Create');
    const sql = spans.filter(isSql);
    expect(sql.length).toBeGreaterThan(0);
    for (const span of sql) expect(parentOf(span)).toBe(idOf(mutation));
  });
});
