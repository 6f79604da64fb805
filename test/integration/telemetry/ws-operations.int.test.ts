// Issue 20, point 8: graphql-ws operations are traced by the `execute` and `subscribe` handed to
// graphql-ws, not by a patch of graphql. Each is one SERVER operation span, the root of its
// trace, with the trace id in every result and `ballast.graphql.operation.duration` recorded; the
// graphql instrumentation adds no span of its own inside (it still traces Apollo's HTTP ones).
import { spansOf } from './support/telemetry.js';
import { eventually, idOf, parentOf, spanNamed } from './support/span-helpers.js';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { wsClient } from '../../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { wsRequest } from './support/ws-request.js';

const GRAPHQL_SCOPE = '@opentelemetry/instrumentation-graphql';
const isSql = (span: ReadableSpan) => span.attributes['db.system.name'] === 'postgresql';

/** The spans of `traceId` once one named `name` has ended. */
const traceWith = (traceId: string, name: string) =>
  eventually(() => {
    const spans = spansOf(traceId);
    return spans.some((s) => s.name === name) ? spans : undefined;
  });

describe(`graphql-ws operations, traced by what graphql-ws is handed (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('a query is one SERVER operation span, its SQL under it, its trace id in the result', async () => {
    const result = await wsRequest<{ health: { status: string } }>(
      server.url,
      'query Health { health { status schemaVersion } }',
    );
    expect(result.errors).toBeUndefined();
    const traceId = result.extensions?.['traceId'];
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const spans = await traceWith(traceId as string, 'query Health');
    const operation = spanNamed(spans, 'query Health');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(parentOf(operation)).toBeUndefined();
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Health',
      'ballast.graphql.root_field': 'health',
    });
    expect(spans.filter((s) => s.instrumentationScope.name === GRAPHQL_SCOPE)).toEqual([]);
    expect(spans.filter((s) => parentOf(s) === undefined)).toEqual([operation]);

    const metrics = await fetch(new URL('/metrics', server.url)).then((r) => r.text());
    expect(metrics).toMatch(
      /^ballast_graphql_operation_duration_count\{.*ballast_graphql_root_field="health".*\} 1$/m,
    );
  });

  it('a mutation is one operation span with its SQL directly under it', async () => {
    const result = await wsRequest<{ createCollection: { id: string } }>(
      server.url,
      'mutation Create($name: String!) { createCollection(input: { name: $name }) { id } }',
      { name: 'ws-traced' },
    );
    expect(result.errors).toBeUndefined();
    const spans = await traceWith(result.extensions!['traceId'] as string, 'mutation Create');
    const operation = spanNamed(spans, 'mutation Create');
    expect(operation.kind).toBe(SpanKind.SERVER);
    const sql = spans.filter(isSql);
    expect(sql.some((s) => /INSERT/.test(s.name))).toBe(true);
    for (const span of sql) expect(parentOf(span)).toBe(idOf(operation));
    expect(spans.filter((s) => s.instrumentationScope.name === GRAPHQL_SCOPE)).toEqual([]);
  });

  it('a subscription is one operation span for its whole life; its events make none', async () => {
    const created = await wsRequest<{ createCollection: { id: string } }>(
      server.url,
      'mutation { createCollection(input: { name: "ws-watched" }) { id } }',
    );
    const collectionId = created.data!.createCollection.id;
    const ingested = await wsRequest<{ ingestDocuments: { id: string } }>(
      server.url,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId, documents: [{ title: 'Leave', text: 'Sixteen weeks of leave.' }] } },
    );
    const jobId = ingested.data!.ingestDocuments.id;

    // Each event's execution loads the collection (SQL, the first time) and reads the job.
    const client = wsClient(server.url);
    const traceIds: unknown[] = [];
    const statuses = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      client.subscribe<{ ingestJobUpdates: { status: string } }>(
        {
          query: `subscription Watch($id: ID!) {
            ingestJobUpdates(id: $id) { status collection { name } }
          }`,
          variables: { id: jobId },
        },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
            traceIds.push((value.extensions as Record<string, unknown> | undefined)?.['traceId']);
            seen.push(value.data!.ingestJobUpdates.status);
          },
          error: (error) => reject(error instanceof Error ? error : new Error(String(error))),
          complete: () => resolve(seen),
        },
      );
    }).finally(() => client.dispose());
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(new Set(traceIds).size).toBe(1);
    const traceId = traceIds[0] as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const spans = await traceWith(traceId, 'subscription Watch');
    const operation = spanNamed(spans, 'subscription Watch');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(spans.filter((s) => s.name === 'subscription Watch')).toEqual([operation]);
    expect(spans.filter((s) => s.instrumentationScope.name === GRAPHQL_SCOPE)).toEqual([]);
    expect(spans.filter((s) => parentOf(s) === undefined)).toEqual([operation]);
    const sql = spans.filter(isSql);
    expect(sql.some((s) => /collections/.test(String(s.attributes['db.query.text'])))).toBe(true);
    for (const span of sql) expect(parentOf(span)).toBe(idOf(operation));
  });

  it('Apollo’s HTTP operations are still the graphql instrumentation’s', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query OverHttp { health { status } }' }),
    });
    const body = (await response.json()) as { extensions?: { traceId?: string } };
    const spans = await traceWith(body.extensions!.traceId!, 'query OverHttp');
    const execution = spanNamed(spans, 'query OverHttp');
    expect(execution.instrumentationScope.name).toBe(GRAPHQL_SCOPE);
    expect(byName(spans, parentOf(execution))).toBe('POST');
  });
});

function byName(spans: readonly ReadableSpan[], id: string | undefined): string | undefined {
  return spans.find((s) => idOf(s) === id)?.name;
}
