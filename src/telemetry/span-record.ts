import { SpanKind, SpanStatusCode, type AttributeValue, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { scrubAttributes, scrubText } from './scrub.js';

/** Status of a span as the GraphQL `Trace` shows it. */
export type SpanStatusName = 'UNSET' | 'OK' | 'ERROR';

/** A timed event of a span (a retry, a breaker transition, a fallback, an exception). */
export interface SpanEventRecord {
  name: string;
  /** Epoch milliseconds. */
  timeMs: number;
  attributes: Record<string, AttributeValue>;
}

/** An ended span, scrubbed (see `scrub.ts`), detached from the SDK's objects. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  /** Null for the root span of a trace. */
  parentId: string | null;
  name: string;
  kind: 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  /** Epoch milliseconds, fractional. */
  startTimeMs: number;
  durationMs: number;
  status: SpanStatusName;
  statusMessage: string | null;
  attributes: Record<string, AttributeValue>;
  events: SpanEventRecord[];
}

const KINDS: Record<SpanKind, SpanRecord['kind']> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};

const STATUSES: Record<SpanStatusCode, SpanStatusName> = {
  [SpanStatusCode.UNSET]: 'UNSET',
  [SpanStatusCode.OK]: 'OK',
  [SpanStatusCode.ERROR]: 'ERROR',
};

/** HrTime (seconds, nanoseconds) in milliseconds. */
export function hrTimeToMs([seconds, nanos]: HrTime): number {
  return seconds * 1000 + nanos / 1e6;
}

/** Copies an ended span into a {@link SpanRecord}, scrubbing text that may carry user input. */
export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: KINDS[span.kind],
    startTimeMs: hrTimeToMs(span.startTime),
    durationMs: hrTimeToMs(span.duration),
    status: STATUSES[span.status.code],
    statusMessage: span.status.message ? scrubText(span.status.message) : null,
    attributes: scrubAttributes(span.attributes) as Record<string, AttributeValue>,
    events: span.events.map((event) => ({
      name: event.name,
      timeMs: hrTimeToMs(event.time),
      attributes: scrubAttributes(event.attributes ?? {}) as Record<string, AttributeValue>,
    })),
  };
}
