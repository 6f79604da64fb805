import {
  SpanKind,
  SpanStatusCode,
  type AttributeValue,
  type Attributes,
  type HrTime,
} from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
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

/**
 * What a span store keeps of an ended span until it is read: the fields a {@link SpanRecord}
 * needs, unscrubbed, without the SDK's span object (its timestamps, limits, resource and
 * processor references): a store holds thousands, and every one outlives the young generation.
 */
export interface HeldSpan {
  spanId: string;
  parentId: string | null;
  name: string;
  kind: SpanKind;
  startTimeMs: number;
  durationMs: number;
  statusCode: SpanStatusCode;
  statusMessage: string | undefined;
  attributes: Attributes;
  events: readonly TimedEvent[];
}

const NO_EVENTS: readonly TimedEvent[] = Object.freeze([]);

/** The {@link HeldSpan} of an ended span (its attributes and events are shared, not copied). */
export function holdSpan(span: ReadableSpan): HeldSpan {
  return {
    spanId: span.spanContext().spanId,
    parentId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: span.kind,
    startTimeMs: hrTimeToMs(span.startTime),
    durationMs: hrTimeToMs(span.duration),
    statusCode: span.status.code,
    statusMessage: span.status.message,
    attributes: span.attributes,
    events: span.events.length > 0 ? span.events : NO_EVENTS,
  };
}

/** A held span of trace `traceId` as a {@link SpanRecord}, scrubbing text that may carry user input. */
export function toSpanRecord(traceId: string, span: HeldSpan): SpanRecord {
  return {
    traceId,
    spanId: span.spanId,
    parentId: span.parentId,
    name: span.name,
    kind: KINDS[span.kind],
    startTimeMs: span.startTimeMs,
    durationMs: span.durationMs,
    status: STATUSES[span.statusCode],
    statusMessage: span.statusMessage ? scrubText(span.statusMessage) : null,
    attributes: scrubAttributes(span.attributes) as Record<string, AttributeValue>,
    events: span.events.map((event) => ({
      name: event.name,
      timeMs: hrTimeToMs(event.time),
      attributes: scrubAttributes(event.attributes ?? {}) as Record<string, AttributeValue>,
    })),
  };
}
