import { context, trace } from '@opentelemetry/api';

/**
 * A pino mixin: `trace_id` and `span_id` of the active span on every log line written inside a
 * traced operation, so logs and traces join on the trace id. Nothing outside one.
 */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return trace.isSpanContextValid(span.spanContext()) ? { trace_id: traceId, span_id: spanId } : {};
}
