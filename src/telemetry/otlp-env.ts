/** Which signals go out over OTLP, from the standard `OTEL_*` variables. */
export interface OtlpSignals {
  traces: boolean;
  metrics: boolean;
  /** `OTEL_METRIC_EXPORT_INTERVAL`. Default: 60 000 ms. */
  metricsIntervalMs: number;
}

const set = (value: string | undefined) => value !== undefined && value.trim() !== '';
const off = (value: string | undefined) => value?.trim().toLowerCase() === 'none';

/**
 * Reads the standard OpenTelemetry variables (only `src/telemetry.ts` passes `process.env`):
 * a signal is exported when `OTEL_EXPORTER_OTLP_ENDPOINT` or its own endpoint variable is set,
 * unless its `OTEL_*_EXPORTER` is `none`.
 */
export function otlpSignals(env: Readonly<Record<string, string | undefined>>): OtlpSignals {
  const any = set(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  const interval = Number(env['OTEL_METRIC_EXPORT_INTERVAL']);
  return {
    traces:
      (any || set(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'])) && !off(env['OTEL_TRACES_EXPORTER']),
    metrics:
      (any || set(env['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'])) &&
      !off(env['OTEL_METRICS_EXPORTER']),
    metricsIntervalMs: Number.isFinite(interval) && interval > 0 ? interval : 60_000,
  };
}
