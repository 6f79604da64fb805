// The public surface of src/cache: the answer cache of the agentic-RAG graph.
export {
  createAnswerCache,
  DEFAULT_CANDIDATES,
  DEFAULT_SIMILARITY_THRESHOLD,
} from './answer-cache.js';
export type { AnswerCacheOptions } from './answer-cache.js';
export { normalizeQuestion, questionHash } from './question-key.js';
export { cachedAnswerSchema } from './types.js';
export type {
  AnswerCache,
  CacheHit,
  CacheKey,
  CacheLookup,
  CachedAnswer,
  NewCacheEntry,
  QuestionEmbedding,
} from './types.js';
