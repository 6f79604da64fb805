import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, trace, type Span } from '@opentelemetry/api';
import { instruments } from './instruments.js';
import { operationLabels, operationMetricLabels } from './graphql-operation.js';
import { ERROR_TYPE } from './semconv.js';

function recording(span: Span | undefined): Span | undefined {
  return span?.isRecording() ? span : undefined;
}

/**
 * Apollo Server plugin: puts the trace id of each HTTP operation in the response's
 * `extensions.traceId` (the HTTP server span's trace; without one, as with `executeOperation`,
 * the trace of the graphql instrumentation's execute span) and records
 * `ballast.graphql.operation.duration`. graphql-ws operations are covered by
 * `graphql-ws-operation.ts` instead, since graphql-ws bypasses Apollo.
 */
export function telemetryPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let span = recording(trace.getSpan(context.active()));
      return {
        async executionDidStart() {
          if (span) return;
          // Only when no HTTP span was active: the first field resolves inside the execute span.
          return {
            willResolveField() {
              span ??= recording(trace.getSpan(context.active()));
            },
          };
        },
        async willSendResponse({ response, operation, document, request }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          if (span) {
            result.extensions = { ...result.extensions, traceId: span.spanContext().traceId };
          }
          const labels = operationMetricLabels(
            operationLabels(operation ?? document, request.operationName),
          );
          const code = result.errors?.[0]?.extensions?.['code'];
          if (typeof code === 'string') labels[ERROR_TYPE] = code;
          instruments().operationDuration.record((performance.now() - started) / 1000, labels);
        },
      };
    },
  };
}
