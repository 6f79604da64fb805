// Imported FIRST by ws-without-graphql-instrumentation.int.test.ts: telemetry started as
// `src/telemetry.ts` starts it with OTEL_NODE_DISABLED_INSTRUMENTATIONS=graphql, before graphql
// is imported (an instrumentation patches its module as it is created: graphql stays unpatched).
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { instrumentationsFromEnv } from '../../../../src/telemetry/instrumentation-env.js';
import { startTelemetry } from '../../../../src/telemetry/start-telemetry.js';

/** Every span exported, in the order they ended. */
export const exporter = new InMemorySpanExporter();

/** The telemetry installed in this test process, without the graphql instrumentation. */
export const telemetry = startTelemetry({
  exporter,
  exportMode: 'simple',
  instrumentations: instrumentationsFromEnv({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'graphql' })
    .names,
});
