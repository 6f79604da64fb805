import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { scrubSpan } from './scrub.js';

/**
 * Wraps any span exporter (OTLP, or a test's in-memory one) so that nothing leaves the process
 * unscrubbed: user-echoing attributes and status messages are redacted (see `scrub.ts`). Noise
 * spans never get here: the sampler does not record them (see `sampler.ts`).
 */
export class RedactingExporter implements SpanExporter {
  readonly #inner: SpanExporter;

  constructor(inner: SpanExporter) {
    this.#inner = inner;
  }

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.#inner.export(spans.map(scrubSpan), done);
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }
}
