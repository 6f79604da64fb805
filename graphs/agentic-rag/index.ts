// The public surface of the agentic-RAG graph. The runs service imports from here.
export { buildAgenticRagGraph } from './graph.js';
export type { AgenticRagGraph } from './graph.js';
export { DEFAULT_BUDGET, DEFAULT_LIMITS } from './deps.js';
export type {
  AgenticRagDeps,
  AgenticRagLimits,
  GraphChatModel,
  GraphChatRouter,
  RetrieveArgs,
  RetrieveChunks,
} from './deps.js';
export { agenticRagEventSchema, isAgenticRagEvent } from './events.js';
export type { AgenticRagEvent, FallbackEvent, RetrievalEvent, TokenEvent } from './events.js';
export { streamAgenticRag } from './run.js';
export type { AgenticRagChunk, AgenticRagRunRequest } from './run.js';
export { hybridRetriever } from './retriever.js';
export { NodeOutputError } from './define-node.js';
export type { AgenticRagNodeName } from './define-node.js';
export { AgenticRagState } from './state.js';
export type { AgenticRagAnswer, AgenticRagValues, Hop, ModelNode } from './state.js';
export type { AgenticRagInput } from './state-schemas.js';
