import type { IncomingMessage } from 'node:http';
import { context, trace, type Tracer } from '@opentelemetry/api';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { inTracedOperation } from './graphql-operation.js';

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

const quietTracers = new WeakMap<Tracer, Tracer>();

// A span started inside an operation Ballast traces itself is that operation's own span context,
// not recorded: what runs under it (SQL) still nests under the operation span.
function quietInTracedOperations(tracer: Tracer): Tracer {
  let quiet = quietTracers.get(tracer);
  if (!quiet) {
    quiet = {
      startSpan(name, options, ctx = context.active()) {
        const operation = inTracedOperation(ctx) ? trace.getSpanContext(ctx) : undefined;
        return operation ? trace.wrapSpanContext(operation) : tracer.startSpan(name, options, ctx);
      },
      startActiveSpan: tracer.startActiveSpan.bind(tracer),
    };
    quietTracers.set(tracer, quiet);
  }
  return quiet;
}

/**
 * The graphql instrumentation, silent inside the operation spans that `graphql-ws-operation.ts`
 * starts for graphql-ws: there its execute span would repeat the operation span (once per event
 * of a subscription). Everywhere else (Apollo's executions) it traces as configured.
 */
class GraphQLOutsideTracedOperations extends GraphQLInstrumentation {
  protected override get tracer(): Tracer {
    return quietInTracedOperations(super.tracer);
  }
}

/**
 * The instrumentations Ballast uses, listed explicitly (no auto-instrumentation bundle), each
 * configured so that no request content reaches a span:
 * - http: incoming requests (not `/healthz`, `/metrics`); GraphQL GET parameters redacted;
 * - undici: `fetch` to model providers (child spans of each `chat`/`embeddings` attempt), only
 *   inside a traced operation;
 * - graphql: execute spans named after the operation, no resolver spans (SQL nests under the
 *   operation directly, at a fraction of the cost), `allowValues: false` so literals in documents
 *   are replaced by `*` and variables are never recorded; none inside graphql-ws operations,
 *   which `graphql-ws-operation.ts` traces (Apollo's HTTP operations are this instrumentation's);
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
      new GraphQLOutsideTracedOperations({
        allowValues: false,
        ignoreResolveSpans: true,
        mergeItems: true,
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
