import { silentLogger, type Logger } from '../logger.js';
import type { ChatModelConfig, EmbeddingModelConfig, ModelsConfig } from './config.js';
import { ResilientEmbeddingModel } from './embedding/resilient-embedding-model.js';
import { LocalChatProvider } from './local/local-chat-provider.js';
import { LocalHashingEmbedder } from './local/hashing-embedder.js';
import type { LocalResponders } from './local/structured-responders.js';
import { OpenAiChatProvider } from './providers/openai-chat.js';
import { OpenAiEmbeddingProvider } from './providers/openai-embeddings.js';
import { ModelPolicy, type ModelPolicyOptions } from './resilience/model-policy.js';
import { ChatModel } from './router/chat-model.js';
import { ChatRouter } from './router/chat-router.js';
import type { ModelStatus } from './types.js';

// Local models fail only deterministically (an unknown task): retrying or opening a circuit
// would change nothing, so neither happens.
const LOCAL_RESILIENCE = {
  maxRetries: 0,
  breaker: { failureThreshold: Number.MAX_SAFE_INTEGER, cooldownMs: 1 },
} as const;
const LOCAL_EMBEDDING_TIMEOUT_MS = 60_000;
const LOCAL_EMBEDDING_BATCH_SIZE = 256;

/** Dependencies of {@link createModelRegistry}. */
export interface ModelRegistryDeps {
  logger?: Logger;
  /** HTTP client for every remote model. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock for attempt stamps, status windows and breaker cool-downs. Default: `Date.now`. */
  now?: () => number;
  /** Longest `Retry-After` honoured. Default: 10 s. */
  retryAfterCapMs?: number;
  /** Backoff tuning (tests shorten it). Default: 200 ms doubling to 5 s, with jitter. */
  backoff?: ModelPolicyOptions['backoff'];
  /** Local structured responders. Default: grade, rewrite, answer (`structured-responders.ts`). */
  localResponders?: LocalResponders;
}

/** Every model of the process. */
export interface ModelRegistry {
  chat: ChatRouter;
  embedding: ResilientEmbeddingModel;
  /** Chat models in chain order, then the embedding model: the GraphQL `models` field. */
  status(): ModelStatus[];
  /** Cancels every call in flight (they end with `CANCELLED`). */
  close(): Promise<void>;
}

/** Builds the chat chain and the embedding model of `config`. */
export function createModelRegistry(
  config: ModelsConfig,
  deps: ModelRegistryDeps = {},
): ModelRegistry {
  const logger = (deps.logger ?? silentLogger).child({ component: 'models' });
  const shutdown = new AbortController();
  const policy = (
    id: string,
    settings: Pick<ModelPolicyOptions, 'timeoutMs' | 'maxRetries' | 'breaker'>,
  ) =>
    new ModelPolicy({
      id,
      ...settings,
      logger,
      shutdownSignal: shutdown.signal,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.retryAfterCapMs === undefined ? {} : { retryAfterCapMs: deps.retryAfterCapMs }),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
    });
  const http = deps.fetch ? { fetch: deps.fetch } : {};

  const chatModel = (entry: ChatModelConfig): ChatModel => {
    if (entry.provider === 'local') {
      return new ChatModel({
        id: entry.id,
        provider: new LocalChatProvider(entry.id, deps.localResponders),
        policy: policy(entry.id, { timeoutMs: entry.timeoutMs, ...LOCAL_RESILIENCE }),
        firstTokenTimeoutMs: entry.timeoutMs,
        stallTimeoutMs: entry.timeoutMs,
      });
    }
    return new ChatModel({
      id: entry.id,
      provider: new OpenAiChatProvider(entry, http),
      policy: policy(entry.id, entry),
      firstTokenTimeoutMs: entry.firstTokenTimeoutMs,
      stallTimeoutMs: entry.stallTimeoutMs ?? entry.firstTokenTimeoutMs,
      price: entry.price,
    });
  };

  const embeddingModel = (entry: EmbeddingModelConfig): ResilientEmbeddingModel =>
    entry.provider === 'local'
      ? new ResilientEmbeddingModel({
          id: entry.id,
          backend: new LocalHashingEmbedder({ id: entry.id, dimensions: entry.dimensions }),
          policy: policy(entry.id, { timeoutMs: LOCAL_EMBEDDING_TIMEOUT_MS, ...LOCAL_RESILIENCE }),
          batchSize: LOCAL_EMBEDDING_BATCH_SIZE,
        })
      : new ResilientEmbeddingModel({
          id: entry.id,
          backend: new OpenAiEmbeddingProvider(entry, http),
          policy: policy(entry.id, entry),
          batchSize: entry.batchSize,
        });

  const chat = new ChatRouter(config.chat.map(chatModel));
  const embedding = embeddingModel(config.embedding);
  return {
    chat,
    embedding,
    status: () => [...chat.status(), embedding.status()],
    close: () => {
      shutdown.abort();
      return Promise.resolve();
    },
  };
}
