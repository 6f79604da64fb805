import {
  ROOT_CONTEXT,
  context,
  trace,
  TraceFlags,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The active span's trace, as stored on a run so that its execution continues it. */
export interface StoredTrace {
  traceId: string;
  /** W3C `traceparent` of the active span. */
  traceParent: string;
}

/** The active span as a W3C `traceparent`, or null when nothing is being traced. */
export function activeTraceParent(): StoredTrace | null {
  const span = trace.getSpan(context.active());
  if (!span) return null;
  const { traceId, spanId, traceFlags } = span.spanContext();
  if (!trace.isSpanContextValid(span.spanContext())) return null;
  const flags = (traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  return { traceId, traceParent: `00-${traceId}-${spanId}-${flags}` };
}

/**
 * A context whose parent is the remote span of `traceParent` (see {@link activeTraceParent});
 * the root context when it is null or malformed.
 */
export function contextOfTraceParent(traceParent: string | null | undefined): Context {
  const match = traceParent ? TRACEPARENT.exec(traceParent) : null;
  if (!match) return ROOT_CONTEXT;
  const parent: SpanContext = {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16),
    isRemote: true,
  };
  return trace.isSpanContextValid(parent)
    ? trace.setSpanContext(ROOT_CONTEXT, parent)
    : ROOT_CONTEXT;
}
