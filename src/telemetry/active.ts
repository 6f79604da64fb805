import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpanStore } from './span-store.js';

/** The telemetry installed in this process by `startTelemetry`. */
export interface Telemetry {
  /** Recent traces in memory (embedded default); null when spans go to an exporter only. */
  readonly store: SpanStore | null;
  /** Serves the Prometheus text format of every metric. */
  readonly serveMetrics: (request: IncomingMessage, response: ServerResponse) => void;
  /** Exports every span and metric still buffered. */
  forceFlush(): Promise<void>;
  /** Flushes, then uninstalls everything (providers, instrumentations, patches). */
  shutdown(): Promise<void>;
}

let active: Telemetry | null = null;

/** The installed telemetry, or null when the process runs without the SDK. */
export function activeTelemetry(): Telemetry | null {
  return active;
}

/** Records what `startTelemetry` installed (null once it is shut down). */
export function setActiveTelemetry(telemetry: Telemetry | null): void {
  active = telemetry;
}
