import { activeTelemetry } from './active.js';
import { setContentCapture, type TelemetrySettings } from './settings.js';

/**
 * Applies the telemetry settings of `config.ts` once the app has loaded them (the SDK itself
 * was started earlier by `--import`): content capture, and the in-memory store's size.
 */
export function configureTelemetry(settings: Partial<TelemetrySettings>): void {
  if (settings.captureContent !== undefined) setContentCapture(settings.captureContent);
  if (settings.traceStoreTraces !== undefined) {
    activeTelemetry()?.store?.resize(settings.traceStoreTraces);
  }
}
