import { redactPii } from '../governance/pii.js';

/** Telemetry settings from `config.ts`, applied once the app has loaded its configuration. */
export interface TelemetrySettings {
  /**
   * Record prompts, answers, questions and retrieval queries on spans — always passed through
   * `redactPii` first. For development only. Default: false.
   */
  captureContent: boolean;
  /** Traces the in-memory span store keeps (embedded mode, no OTLP exporter). Default: 200. */
  traceStoreTraces: number;
}

/** The defaults of {@link TelemetrySettings}. */
export const DEFAULT_TELEMETRY_SETTINGS: TelemetrySettings = {
  captureContent: false,
  traceStoreTraces: 200,
};

let contentCapture = DEFAULT_TELEMETRY_SETTINGS.captureContent;

/** Turns content capture on or off for the whole process (see {@link TelemetrySettings}). */
export function setContentCapture(enabled: boolean): void {
  contentCapture = enabled;
}

/** True when content may be recorded on spans (redacted). */
export function capturingContent(): boolean {
  return contentCapture;
}

/** `text` as it may appear on a span when content capture is on: PII replaced by placeholders. */
export function contentValue(text: string): string {
  return redactPii(text).text;
}
