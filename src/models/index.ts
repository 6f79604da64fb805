// The public surface of src/models. Other folders import from here, not from the files inside.
export { parseModelsConfig, DEFAULT_MODELS_CONFIG, LOCAL_CHAT_ID } from './config.js';
export type {
  ModelsConfig,
  ChatModelConfig,
  EmbeddingModelConfig,
  ParseModelsConfigResult,
} from './config.js';
export { createModelRegistry } from './registry.js';
export type { ResilientEmbeddingModel } from './embedding/resilient-embedding-model.js';
export type { ModelRegistry, ModelRegistryDeps } from './registry.js';
export { ChatRouter } from './router/chat-router.js';
export { ChatModel } from './router/chat-model.js';
export type { ModelStreamEvent, ModelCallOptions } from './router/chat-model.js';
export {
  continuationMessages,
  CONTINUE_INSTRUCTION,
  OverlapTrimmer,
} from './router/continuation.js';
export { DEFAULT_MAX_CORRECTIONS } from './router/structured-call.js';
export { ModelCallError } from './failures.js';
export type { FailureCode, ModelFailure } from './failures.js';
export { gradeSchema, rewriteSchema, answerSchema } from './structured/schemas.js';
export type { Grade, Rewrite, StructuredAnswer } from './structured/schemas.js';
export { LocalHashingEmbedder } from './local/hashing-embedder.js';
export { answerFromContext, CANNOT_ANSWER_TEXT } from './local/extractive-answerer.js';
export type { ExtractiveAnswer } from './local/extractive-answerer.js';
export { DEFAULT_LOCAL_RESPONDERS } from './local/structured-responders.js';
export type { LocalResponder, LocalResponders } from './local/structured-responders.js';
export type * from './types.js';
