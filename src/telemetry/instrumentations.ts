import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import type { ExecutionResult } from 'graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Incoming paths that are not worth a trace: probes and scrapes. */
const UNTRACED_PATHS = new Set(['/healthz', '/metrics']);

// A GraphQL GET carries its document and variables in the query string.
const REDACTED_QUERY_PARAMS = ['query', 'variables', 'extensions', 'operationName'];

/** The instrumentations Ballast uses, by the names `OTEL_NODE_*_INSTRUMENTATIONS` give them. */
export const INSTRUMENTATION_NAMES = ['http', 'undici', 'graphql', 'pg'] as const;

/** One of {@link INSTRUMENTATION_NAMES}. */
export type InstrumentationName = (typeof INSTRUMENTATION_NAMES)[number];

type Instrumentation =
  HttpInstrumentation | UndiciInstrumentation | GraphQLInstrumentation | PgInstrumentation;

/**
 * The instrumentations Ballast uses, listed explicitly (no auto-instrumentation bundle), each
 * configured so that no request content reaches a span:
 * - http: incoming requests (not `/healthz`, `/metrics`); GraphQL GET parameters redacted;
 * - undici: `fetch` to model providers (child spans of each `chat`/`embeddings` attempt), only
 *   inside a traced operation;
 * - graphql: execute spans named after the operation, no resolver spans (SQL nests under the
 *   operation directly, at a fraction of the cost), `allowValues: false` so literals in documents
 *   are replaced by `*` and variables are never recorded; results get `extensions.traceId`;
 * - pg: one span per query with the SQL text only (`enhancedDatabaseReporting: false`: parameter
 *   values never recorded), and only inside a traced operation (`requireParentSpan`), so the job
 *   queue's polling and maintenance do not each start a trace. No `pg-pool.connect` span per
 *   query (a third of all spans); `pg-pool-context.ts` keeps queued queries under the right span.
 *
 * An instrumentation patches its module as soon as it is created, so only the named ones are.
 * @param names Default: all four.
 */
export function createInstrumentations(
  names: readonly InstrumentationName[] = INSTRUMENTATION_NAMES,
): Instrumentation[] {
  const create: Record<InstrumentationName, () => Instrumentation> = {
    http: () =>
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.has((request.url ?? '/').split('?')[0] ?? '/'),
        redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
        // Every outgoing call is `fetch`, traced by undici.
        disableOutgoingRequestInstrumentation: true,
      }),
    undici: () => new UndiciInstrumentation({ requireParentforSpans: true }),
    graphql: () =>
      new GraphQLInstrumentation({
        allowValues: false,
        ignoreResolveSpans: true,
        mergeItems: true,
        // graphql-ws queries and mutations reach no Apollo plugin: their result carries the
        // trace id from here (HTTP ones get it from `apollo-plugin.ts`, subscriptions from
        // `graphql-subscribe.ts`; all name the same trace).
        responseHook: (span: Span, result: ExecutionResult) => {
          if (!span.isRecording() || typeof result !== 'object' || result === null) return;
          result.extensions = { ...result.extensions, traceId: span.spanContext().traceId };
        },
      }),
    pg: () =>
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requireParentSpan: true,
        ignoreConnectSpans: true,
      }),
  };
  return INSTRUMENTATION_NAMES.filter((name) => names.includes(name)).map((name) => create[name]());
}
