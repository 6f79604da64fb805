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
//
// Being the first module loaded, it also turns on Node's compile cache (Node >= 22.1;
// NODE_COMPILE_CACHE names its folder, default `<tmpdir>/node-compile-cache`;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off): loading modules is most of the server's own start,
// and a start after the first reuses the code compiled by the one before. Hence the dynamic
// import below: a static one would be loaded, and compiled, before the cache is on.
//
// Worker threads inherit the `--import` that loads this file: the embedded database's thread
// (src/db/embedded-worker.ts) gets the compile cache and nothing else. A second OpenTelemetry
// SDK there would trace nothing (that thread makes no HTTP, GraphQL or pg calls) and cost
// its memory and start time.
import module from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Absent on Node 20 (no cache there); returns a status instead of throwing when it cannot.
module.enableCompileCache?.();
if (isMainThread) {
  // Whatever starting telemetry prints (a warning about an OTEL_* setting, a crash) is a JSON
  // log line like everything else; main.ts then moves the routing to its configured logger.
  const { createLogger, routeProcessOutputToLogger } = await import('./logger.js');
  routeProcessOutputToLogger(createLogger());
  await import('./telemetry/start-from-env.js');
}
