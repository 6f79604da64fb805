// The body of src/telemetry.ts (which documents the OTEL_* variables read here): starts
// OpenTelemetry from the environment unless OTEL_SDK_DISABLED=true. Imported by it dynamically,
// after the compile cache is turned on.
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { instrumentationsFromEnv } from './instrumentation-env.js';
import { INSTRUMENTATION_NAMES } from './instrumentations.js';
import { otlpSignals } from './otlp-env.js';
import { samplerFromEnv } from './sampler.js';
import { startTelemetry } from './start-telemetry.js';

const env = process.env;
if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() !== 'true') {
  const otlp = otlpSignals(env);
  const metricReaders: IMetricReader[] = [];
  if (otlp.metrics) {
    // Loaded only when used: a dependency of @opentelemetry/sdk-node, same release line.
    const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
    metricReaders.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: otlp.metricsIntervalMs,
      }),
    );
  }
  const instrumentations = instrumentationsFromEnv(env);
  if (instrumentations.unknown.length > 0) {
    process.emitWarning(
      `OTEL_NODE_*_INSTRUMENTATIONS: Ballast has no ${instrumentations.unknown.join(', ')} ` +
        `instrumentation (it has ${INSTRUMENTATION_NAMES.join(', ')})`,
      'TelemetryWarning',
    );
  }
  // Loaded only when used, like the metrics exporter: a tenth of a second of every start.
  const OTLPTraceExporter = otlp.traces
    ? (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter
    : undefined;
  startTelemetry({
    ...(OTLPTraceExporter ? { exporter: new OTLPTraceExporter(), store: false } : {}),
    metricReaders,
    sampler: samplerFromEnv(env),
    serviceName: env['OTEL_SERVICE_NAME'] ? undefined : 'ballast',
    instrumentations: instrumentations.names,
  });
}
