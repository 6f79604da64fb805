import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { isNoise, scrubSpan } from './scrub.js';

/**
 * Wraps any span exporter (OTLP, or a test's in-memory one) so that nothing leaves the process
 * unscrubbed: user-echoing attributes and status messages are redacted (see `scrub.ts`) and
 * noise spans are dropped.
 */
export class RedactingExporter implements SpanExporter {
  readonly #inner: SpanExporter;

  constructor(inner: SpanExporter) {
    this.#inner = inner;
  }

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    const kept: ReadableSpan[] = [];
    for (const span of spans) if (!isNoise(span)) kept.push(scrubSpan(span));
    this.#inner.export(kept, done);
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }
}
