import { context, createNoopMeter, metrics, propagation, trace } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationType, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { SERVER_VERSION } from '../version.js';
import { activeTelemetry, setActiveTelemetry, type Telemetry } from './active.js';
import { bindPgPoolContext } from './pg-pool-context.js';
import { createInstrumentations, type InstrumentationName } from './instrumentations.js';
import { RedactingExporter } from './redacting-exporter.js';
import { BallastSampler } from './sampler.js';
import { SharedContextManager } from './shared-context-manager.js';
import { SpanStore, type SpanStoreOptions } from './span-store.js';

/** Options of {@link startTelemetry}. */
export interface StartTelemetryOptions {
  /**
   * Where spans are exported (OTLP in production, an in-memory exporter in tests), behind a
   * {@link RedactingExporter}. Default: none — spans are kept in the in-memory store only.
   */
  exporter?: SpanExporter;
  /** `batch` (production) or `simple` (each span exported as it ends: tests). Default: `batch`. */
  exportMode?: 'batch' | 'simple';
  /** The bounded in-memory span store, or false for none. Default: on, 200 traces. */
  store?: SpanStoreOptions | false;
  /** Metric readers besides the Prometheus one behind `/metrics` (OTLP, tests'). Default: none. */
  metricReaders?: IMetricReader[];
  /** `service.name`; undefined keeps `OTEL_SERVICE_NAME`'s. Default: `'ballast'`. */
  serviceName?: string | undefined;
  /**
   * Which traces are recorded (`samplerFromEnv` reads `OTEL_TRACES_SAMPLER`), inside a
   * {@link BallastSampler}. Default: parent-based, always on.
   */
  sampler?: Sampler;
  /**
   * Which instrumentations run (`instrumentationsFromEnv` reads `OTEL_NODE_*_INSTRUMENTATIONS`).
   * Without `pg`, SQL statements make no spans. Default: all four.
   */
  instrumentations?: readonly InstrumentationName[];
}

/**
 * Starts OpenTelemetry in this process: a NodeSDK with the http, undici, graphql and pg
 * instrumentations (see `instrumentations.ts`; `options.instrumentations` can leave some out),
 * spans to the in-memory store and/or `exporter`, metrics to a Prometheus reader (served at
 * `/metrics`) and `metricReaders`. Operations over WebSocket are traced by the functions
 * `src/server/websocket.ts` hands graphql-ws (`graphql-ws-operation.ts`). `src/telemetry.ts`
 * calls it (loaded with `--import`, before anything else); tests call it in-process before
 * importing the server. Must run before graphql and pg are imported to patch them.
 * @throws {Error} when telemetry is already started in this process.
 */
export function startTelemetry(options: StartTelemetryOptions = {}): Telemetry {
  if (activeTelemetry()) throw new Error('telemetry is already started in this process');
  const store = options.store === false ? null : new SpanStore(options.store);
  const spanProcessors: SpanProcessor[] = [];
  if (store) spanProcessors.push(store);
  if (options.exporter) {
    const exporter = new RedactingExporter(options.exporter);
    spanProcessors.push(
      options.exportMode === 'simple'
        ? new SimpleSpanProcessor(exporter)
        : new BatchSpanProcessor(exporter),
    );
  }
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const instrumentations = createInstrumentations(options.instrumentations);
  const serviceName = 'serviceName' in options ? options.serviceName : 'ballast';
  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({ 'service.version': SERVER_VERSION }),
    ),
    ...(serviceName ? { serviceName } : {}),
    instrumentations,
    contextManager: new SharedContextManager(),
    spanProcessors,
    sampler: new BallastSampler(options.sampler),
    metricReaders: [prometheus, ...(options.metricReaders ?? [])],
    // The http and undici instrumentations both define `http.client.request.duration`; two
    // families of one name make the Prometheus text invalid. Outgoing calls are fetch (undici).
    views: [
      {
        instrumentName: 'http.client.request.duration',
        meterName: '@opentelemetry/instrumentation-http',
        aggregation: { type: AggregationType.DROP },
      },
    ],
    // Ballast logs with pino to standard output; no OpenTelemetry log export.
    logRecordProcessors: [],
  });
  sdk.start();
  // pg records a duration histogram and pool counters on every query (hundreds per run): a
  // tenth of tracing's CPU cost. Query timings are in the spans; the metrics are left out.
  const pg = instrumentations.find((i) => i.instrumentationName.endsWith('instrumentation-pg'));
  pg?.setMeterProvider({ getMeter: () => createNoopMeter() });
  // Only SQL spans need the caller's context across a wait for a pooled connection.
  const unbindPool = pg ? bindPgPoolContext() : () => undefined;

  const telemetry: Telemetry = {
    store,
    serveMetrics: (request, response) => prometheus.getMetricsRequestHandler(request, response),
    async forceFlush() {
      await Promise.all([...spanProcessors.map((p) => p.forceFlush()), prometheus.forceFlush()]);
    },
    async shutdown() {
      if (activeTelemetry() !== telemetry) return;
      setActiveTelemetry(null);
      unbindPool();
      for (const instrumentation of instrumentations) instrumentation.disable();
      await sdk.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
  setActiveTelemetry(telemetry);
  return telemetry;
}
