import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { holdSpan, toSpanRecord, type HeldSpan, type SpanRecord } from './span-record.js';

/** Default traces kept. */
export const DEFAULT_STORE_TRACES = 200;
/** Default spans kept per trace; later ones are counted in `droppedSpans`. */
export const DEFAULT_STORE_SPANS_PER_TRACE = 2000;

/** The spans of one trace held by a {@link SpanStore}. */
export interface StoredTraceSpans {
  traceId: string;
  /** In the order they ended, scrubbed. */
  spans: SpanRecord[];
  /** Spans beyond the per-trace cap, not kept. */
  droppedSpans: number;
}

interface HeldTrace {
  // Scrubbed and made records only when read: most are never read.
  spans: HeldSpan[];
  droppedSpans: number;
}

/** Options of {@link SpanStore}. */
export interface SpanStoreOptions {
  /** Traces kept; the least recently updated go first. Default: {@link DEFAULT_STORE_TRACES}. */
  maxTraces?: number;
  /** Spans kept per trace. Default: {@link DEFAULT_STORE_SPANS_PER_TRACE}. */
  maxSpansPerTrace?: number;
}

/**
 * The embedded mode's trace backend: a span processor that keeps the most recent traces in
 * memory, bounded in traces and in spans per trace, so that `run(id) { trace }` can show where a
 * run's time went without a collector. Spans are scrubbed when they are read.
 */
export class SpanStore implements SpanProcessor {
  // Insertion order is recency: a trace is moved to the end whenever it gets a span.
  readonly #traces = new Map<string, HeldTrace>();
  // The trace last given a span: the end of `#traces`.
  #newest: string | undefined;
  #maxTraces: number;
  readonly #maxSpansPerTrace: number;

  constructor(options: SpanStoreOptions = {}) {
    this.#maxTraces = options.maxTraces ?? DEFAULT_STORE_TRACES;
    this.#maxSpansPerTrace = options.maxSpansPerTrace ?? DEFAULT_STORE_SPANS_PER_TRACE;
  }

  /** The spans stored for `traceId`, or null when the trace is unknown or was evicted. */
  get(traceId: string): StoredTraceSpans | null {
    const held = this.#traces.get(traceId);
    if (!held) return null;
    return {
      traceId,
      spans: held.spans.map((span) => toSpanRecord(traceId, span)),
      droppedSpans: held.droppedSpans,
    };
  }

  /** How many traces are held. */
  get size(): number {
    return this.#traces.size;
  }

  /** Traces and spans held, and spans dropped by the per-trace cap. */
  stats(): { traces: number; spans: number; droppedSpans: number } {
    let spans = 0;
    let droppedSpans = 0;
    for (const trace of this.#traces.values()) {
      spans += trace.spans.length;
      droppedSpans += trace.droppedSpans;
    }
    return { traces: this.#traces.size, spans, droppedSpans };
  }

  /** Changes how many traces are kept, evicting the oldest at once if needed. */
  resize(maxTraces: number): void {
    this.#maxTraces = Math.max(1, Math.floor(maxTraces));
    this.#evict();
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let held = this.#traces.get(traceId);
    if (!held) {
      held = { spans: [], droppedSpans: 0 };
      this.#traces.set(traceId, held);
      this.#evict();
    } else if (traceId !== this.#newest) {
      this.#traces.delete(traceId);
      this.#traces.set(traceId, held);
    }
    // A trace's spans mostly end one after another: it is already the newest, nothing moves.
    this.#newest = traceId;
    if (held.spans.length < this.#maxSpansPerTrace) held.spans.push(holdSpan(span));
    else held.droppedSpans++;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.#traces.clear();
    this.#newest = undefined;
    return Promise.resolve();
  }

  #evict(): void {
    while (this.#traces.size > this.#maxTraces) {
      const oldest = this.#traces.keys().next().value;
      if (oldest === undefined) return;
      this.#traces.delete(oldest);
    }
  }
}
