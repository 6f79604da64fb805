// Imported FIRST by every telemetry test file: OpenTelemetry must patch graphql and pg before
// anything imports them, as `node --import ./src/telemetry.ts` does in production. Spans go,
// redacted, to an in-memory exporter as each one ends, and to the store.
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../../../../src/telemetry/start-telemetry.js';

/** Every span exported (after the redacting exporter), in the order they ended. */
export const exporter = new InMemorySpanExporter();

/** The telemetry installed in this test process. */
export const telemetry = startTelemetry({ exporter, exportMode: 'simple' });

/** The exported spans of trace `traceId`. */
export function spansOf(traceId: string): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
}

export { eventually, idOf, parentOf, spanNamed } from './span-helpers.js';
