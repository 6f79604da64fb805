// The public surface of src/telemetry for the rest of Ballast. Only `src/telemetry.ts` and tests
// import `start-telemetry.ts` (it loads the SDK); everything here needs `@opentelemetry/api` only.
export { activeTelemetry, type Telemetry } from './active.js';
export { telemetryPlugin } from './apollo-plugin.js';
export { configureTelemetry } from './configure.js';
export { costOf, FREE, type ModelPrice } from './cost.js';
export { traceLogFields } from './log-mixin.js';
export { serveMetrics } from './metrics-endpoint.js';
export {
  traceChatAttempt,
  type ChatAttemptInfo,
  type ChatAttemptOutcome,
  type TracedChatModel,
} from './chat-span.js';
export { traceEmbeddingAttempt, type TracedEmbeddingModel } from './embedding-span.js';
export { tracedExecute, tracedSubscribe } from './graphql-ws-operation.js';
export { traceIngestBatch, type IngestBatchInfo } from './ingest-span.js';
export { traceNode, type NodeConfigLike } from './node-span.js';
export { recordCircuitTransition, recordFallback, recordRetry } from './resilience-events.js';
export { traceRetrieval, type RetrievalInfo } from './retrieval-span.js';
export { currentRunUsage, type ModelUsageRecord, type RunUsageRecord } from './run-usage.js';
export { observeServices, type ObservedServices } from './service-metrics.js';
export { DEFAULT_TELEMETRY_SETTINGS, type TelemetrySettings } from './settings.js';
export { activeTraceParent, type StoredTrace } from './trace-parent.js';
export { traceView, type TraceView } from './trace-view.js';
export { traceRun, WORKFLOW_NAME, type RunTelemetry, type TracedRun } from './workflow-span.js';
