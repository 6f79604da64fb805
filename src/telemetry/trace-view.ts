import type { StoredTraceSpans } from './span-store.js';
import type { SpanRecord, SpanStatusName } from './span-record.js';

/** A span as `Run.trace` shows it: times relative to the trace's start. */
export interface TraceSpanView {
  spanId: string;
  parentId: string | null;
  name: string;
  kind: SpanRecord['kind'];
  startMs: number;
  durationMs: number;
  startedAt: Date;
  status: SpanStatusName;
  statusMessage: string | null;
  attributes: SpanRecord['attributes'];
  events: { name: string; atMs: number; attributes: SpanRecord['attributes'] }[];
}

/** A trace as `Run.trace` shows it. */
export interface TraceView {
  traceId: string;
  /** In start order. */
  spans: TraceSpanView[];
  droppedSpans: number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Who called, not where the time went: not shown to other users of the workspace.
const HIDDEN = new Set([
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
  'user_agent.original',
]);

function visible(attributes: SpanRecord['attributes']): SpanRecord['attributes'] {
  if (!Object.keys(attributes).some((key) => HIDDEN.has(key))) return attributes;
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => !HIDDEN.has(key)));
}

/**
 * The GraphQL view of stored spans: sorted by start, times in ms from the first start (to the
 * µs), without the caller's address and user agent.
 */
export function traceView(stored: StoredTraceSpans): TraceView {
  const spans = [...stored.spans].sort((a, b) => a.startTimeMs - b.startTimeMs);
  const origin = spans[0]?.startTimeMs ?? 0;
  return {
    traceId: stored.traceId,
    droppedSpans: stored.droppedSpans,
    spans: spans.map((span) => ({
      spanId: span.spanId,
      parentId: span.parentId,
      name: span.name,
      kind: span.kind,
      startMs: round(span.startTimeMs - origin),
      durationMs: round(span.durationMs),
      startedAt: new Date(span.startTimeMs),
      status: span.status,
      statusMessage: span.statusMessage,
      attributes: visible(span.attributes),
      events: span.events.map((event) => ({
        name: event.name,
        atMs: round(event.timeMs - origin),
        attributes: event.attributes,
      })),
    })),
  };
}
