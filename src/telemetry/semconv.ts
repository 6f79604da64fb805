// Attribute names of the OpenTelemetry semantic conventions Ballast uses, copied rather than
// imported from `@opentelemetry/semantic-conventions/incubating`: the GenAI conventions are still
// in development, and the incubating entry point is not meant to be depended on at run time.

/** `gen_ai.*` attributes (GenAI semantic conventions). */
export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  responseModel: 'gen_ai.response.model',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  responseTimeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  outputType: 'gen_ai.output.type',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  tokenType: 'gen_ai.token.type',
  conversationId: 'gen_ai.conversation.id',
  workflowName: 'gen_ai.workflow.name',
  dataSourceId: 'gen_ai.data_source.id',
  embeddingsDimensionCount: 'gen_ai.embeddings.dimension.count',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  retrievalQueryText: 'gen_ai.retrieval.query.text',
} as const;

/** Values of `gen_ai.operation.name`. */
export type GenAiOperation = 'chat' | 'embeddings' | 'retrieval' | 'invoke_workflow';

/** `error.type`: a failure code (`TIMEOUT`, `HTTP_503`, an `AppError` code) or an error name. */
export const ERROR_TYPE = 'error.type';

/** `graphql.*` attributes (GraphQL semantic conventions). */
export const GRAPHQL = {
  operationType: 'graphql.operation.type',
  operationName: 'graphql.operation.name',
} as const;

/** Ballast's own attributes, under `ballast.*`. */
export const BALLAST = {
  modelId: 'ballast.model.id',
  attempt: 'ballast.model.attempt',
  costUsd: 'ballast.usage.cost_usd',
  embeddingInputs: 'ballast.embedding.inputs',
  node: 'ballast.graph.node',
  runId: 'ballast.run.id',
  runAttempt: 'ballast.run.attempt',
  runStatus: 'ballast.run.status',
  retrievalK: 'ballast.retrieval.k',
  retrievalResults: 'ballast.retrieval.results',
  retrievalFiltered: 'ballast.retrieval.filtered',
  rootField: 'ballast.graphql.root_field',
  fromModel: 'ballast.fallback.from_model',
  toModel: 'ballast.fallback.to_model',
  restart: 'ballast.fallback.restart',
  circuitState: 'ballast.circuit.state',
  queue: 'ballast.jobs.queue',
  ingestJobId: 'ballast.ingest.job_id',
  ingestDocuments: 'ballast.ingest.documents',
  ingestLastAttempt: 'ballast.ingest.last_attempt',
} as const;

/** Names of the span events Ballast records. */
export const EVENTS = {
  retry: 'ballast.model.retry',
  circuit: 'ballast.model.circuit',
  fallback: 'ballast.model.fallback',
} as const;

/** `gen_ai.provider.name` of a provider kind: OpenAI-compatible endpoints, or the local model. */
export function providerName(kind: 'openai' | 'local'): string {
  return kind === 'openai' ? 'openai' : 'ballast.local';
}
