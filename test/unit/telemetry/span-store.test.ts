import { SpanKind, SpanStatusCode, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { SpanStore } from '../../../src/telemetry/span-store.js';

let next = 0;
function span(traceId: string, overrides: Partial<ReadableSpan> = {}): ReadableSpan {
  const context: SpanContext = {
    traceId: traceId.padStart(32, '0'),
    spanId: (++next).toString(16).padStart(16, '0'),
    traceFlags: 1,
  };
  return {
    name: 'work',
    kind: SpanKind.INTERNAL,
    spanContext: () => context,
    parentSpanContext: { ...context, spanId: 'f'.repeat(16) },
    startTime: [1_700_000_000, 0],
    endTime: [1_700_000_000, 5_000_000],
    duration: [0, 5_000_000],
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    links: [],
    events: [],
    ended: true,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  } as unknown as ReadableSpan;
}

describe('SpanStore', () => {
  it('keeps the most recently updated traces, up to its size', () => {
    const store = new SpanStore({ maxTraces: 2 });
    store.onEnd(span('a'));
    store.onEnd(span('b'));
    store.onEnd(span('a')); // a is now the most recent
    store.onEnd(span('c'));
    expect(store.size).toBe(2);
    expect(store.get('b'.padStart(32, '0'))).toBeNull();
    expect(store.get('a'.padStart(32, '0'))!.spans).toHaveLength(2);
    store.resize(1);
    expect(store.get('a'.padStart(32, '0'))).toBeNull();
    expect(store.get('c'.padStart(32, '0'))).not.toBeNull();
  });

  it('keeps a trace that gets several spans in a row the newest', () => {
    const store = new SpanStore({ maxTraces: 2 });
    store.onEnd(span('a'));
    store.onEnd(span('b'));
    store.onEnd(span('b'));
    store.onEnd(span('a'));
    store.onEnd(span('a'));
    store.onEnd(span('c')); // evicts b, the least recently updated
    expect(store.get('b'.padStart(32, '0'))).toBeNull();
    expect(store.get('a'.padStart(32, '0'))!.spans).toHaveLength(3);
    expect(store.stats()).toEqual({ traces: 2, spans: 4, droppedSpans: 0 });
  });

  it('caps the spans of one trace and counts the rest', () => {
    const store = new SpanStore({ maxSpansPerTrace: 3 });
    for (let i = 0; i < 5; i++) store.onEnd(span('d'));
    expect(store.get('d'.padStart(32, '0'))).toMatchObject({ droppedSpans: 2 });
    expect(store.get('d'.padStart(32, '0'))!.spans).toHaveLength(3);
  });

  it('stores times in ms, status, and scrubbed exception messages', () => {
    const store = new SpanStore();
    store.onEnd(
      span('e', {
        status: { code: SpanStatusCode.ERROR, message: 'no user jane.doe@example.com' },
        events: [
          {
            name: 'exception',
            time: [1_700_000_000, 1_000_000],
            attributes: { 'exception.message': 'bad value 4111 1111 1111 1111' },
          },
        ],
      }),
    );
    const [stored] = store.get('e'.padStart(32, '0'))!.spans;
    expect(stored).toMatchObject({
      durationMs: 5,
      startTimeMs: 1_700_000_000_000,
      status: 'ERROR',
      statusMessage: 'no user [EMAIL_1]',
      events: [
        { name: 'exception', attributes: { 'exception.message': 'bad value [CREDIT_CARD_1]' } },
      ],
    });
  });
});
