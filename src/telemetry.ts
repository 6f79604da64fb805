// Starts OpenTelemetry before the application is imported: `npm start` runs the compiled
// `node --import ./dist/src/telemetry.js dist/src/main.js`, `npm run dev` the same from the
// sources through tsx. It must run first so that pg and graphql are patched before anything
// imports them (graphql-ws operations are traced by the functions src/server/websocket.ts
// hands it).
//
// The one exception to "config.ts alone reads process.env": this runs before the configuration
// is loaded, and it reads only the standard OpenTelemetry variables (OTEL_*). Ballast's own
// telemetry settings (content capture, trace store size) are in config.ts and applied later by
// startServices.
//
// - OTEL_SDK_DISABLED=true: nothing is started.
// - OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: spans are exported over
//   OTLP/HTTP (JSON), redacted, in batches (OTEL_BSP_*), and not kept in memory. Otherwise (the
//   embedded default) the most recent traces are kept in memory for `run(id) { trace }`.
// - OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: metrics are also pushed
//   over OTLP every OTEL_METRIC_EXPORT_INTERVAL ms (default 60000); `/metrics` always serves them.
// - OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER=none turn off the OTLP export of that signal.
// - OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG: which traces are recorded (default
//   parentbased_always_on; e.g. parentbased_traceidratio with 0.1 records a tenth of the runs).
// - OTEL_NODE_ENABLED_INSTRUMENTATIONS / OTEL_NODE_DISABLED_INSTRUMENTATIONS: which of the http,
//   undici, graphql and pg instrumentations run (default all; `pg` off: no span per SQL
//   statement, the largest part of tracing's cost).
// - OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_BSP_* and the
//   other standard variables are read by the SDK itself.
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { instrumentationsFromEnv } from './telemetry/instrumentation-env.js';
import { INSTRUMENTATION_NAMES } from './telemetry/instrumentations.js';
import { otlpSignals } from './telemetry/otlp-env.js';
import { samplerFromEnv } from './telemetry/sampler.js';
import { startTelemetry } from './telemetry/start-telemetry.js';

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
  startTelemetry({
    ...(otlp.traces ? { exporter: new OTLPTraceExporter(), store: false } : {}),
    metricReaders,
    sampler: samplerFromEnv(env),
    serviceName: env['OTEL_SERVICE_NAME'] ? undefined : 'ballast',
    instrumentations: instrumentations.names,
  });
}
