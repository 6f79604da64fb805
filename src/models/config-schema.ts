import { z } from 'zod';

/** Default per-model budget for a whole call, retries included. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default wait for the first streamed token of one attempt. */
export const DEFAULT_FIRST_TOKEN_TIMEOUT_MS = 10_000;
/** Default retries after the first attempt, for retryable failures only. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default consecutive failures that open a model's circuit. */
export const DEFAULT_FAILURE_THRESHOLD = 5;
/** Default time an open circuit waits before letting one probe through. */
export const DEFAULT_COOLDOWN_MS = 30_000;
/** Default dimension of the local hashing embedder. */
export const DEFAULT_LOCAL_DIMENSIONS = 384;
/** Default texts per remote embedding request. */
export const DEFAULT_EMBEDDING_BATCH_SIZE = 64;

const positiveInt = z.number().int().positive();
const id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-", "." (1–64)');

const breaker = z.strictObject({
  /** Consecutive failed requests (each retry is one) that open the circuit. */
  failureThreshold: positiveInt.default(DEFAULT_FAILURE_THRESHOLD),
  /** How long the circuit stays open before one probe request is let through. */
  cooldownMs: positiveInt.default(DEFAULT_COOLDOWN_MS),
});

const resilience = {
  /** Budget of one call on this model, every retry and backoff included. */
  timeoutMs: positiveInt.default(DEFAULT_TIMEOUT_MS),
  /** Retries after the first attempt, for retryable failures only (429, 5xx, timeouts…). */
  maxRetries: z.number().int().min(0).max(10).default(DEFAULT_MAX_RETRIES),
  breaker: breaker.default({
    failureThreshold: DEFAULT_FAILURE_THRESHOLD,
    cooldownMs: DEFAULT_COOLDOWN_MS,
  }),
};

const remote = {
  id,
  // Any http(s) host: docker service names and localhost are normal here (z.httpUrl wants a TLD).
  baseURL: z.url({ protocol: /^https?$/ }),
  model: z.string().min(1),
  /** Name of the environment variable holding the key; keyless endpoints (Ollama) omit it. */
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .optional(),
};

const remoteChat = z.strictObject({
  ...remote,
  ...resilience,
  provider: z.literal('openai'),
  /** Longest wait for the first token of one attempt (a timeout, retried like one). */
  firstTokenTimeoutMs: positiveInt.default(DEFAULT_FIRST_TOKEN_TIMEOUT_MS),
  /** Longest silence between two tokens once streaming; default: `firstTokenTimeoutMs`. */
  stallTimeoutMs: positiveInt.optional(),
  /** USD per million tokens, for cost accounting; not used for routing. */
  price: z
    .strictObject({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) })
    .optional(),
});

const localChat = z.strictObject({
  id,
  provider: z.literal('local'),
  timeoutMs: positiveInt.default(DEFAULT_TIMEOUT_MS),
});

const remoteEmbedding = z.strictObject({
  ...remote,
  ...resilience,
  provider: z.literal('openai'),
  dimensions: positiveInt,
  batchSize: positiveInt.max(2048).default(DEFAULT_EMBEDDING_BATCH_SIZE),
});

const localEmbedding = z.strictObject({
  id,
  provider: z.literal('local'),
  dimensions: positiveInt.max(65_536).default(DEFAULT_LOCAL_DIMENSIONS),
});

// `provider` defaults to 'openai'; filling it in before the union keeps errors field-precise.
const withDefaultProvider = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'object' && value !== null && !('provider' in value)
        ? { ...value, provider: 'openai' }
        : value,
    schema,
  );

/** A chat model entry of the configuration file (before key resolution). */
export const chatEntrySchema = withDefaultProvider(
  z.discriminatedUnion('provider', [remoteChat, localChat]),
);

/** The embedding entry of the configuration file (before key resolution). */
export const embeddingEntrySchema = withDefaultProvider(
  z.discriminatedUnion('provider', [remoteEmbedding, localEmbedding]),
);

/** The `BALLAST_CONFIG` JSON file. Unknown fields are rejected at every level. */
export const modelsFileSchema = z.strictObject({
  chat: z.array(chatEntrySchema).min(1),
  embedding: embeddingEntrySchema,
});

/** A remote chat entry with defaults applied. */
export type RemoteChatEntry = z.output<typeof remoteChat>;
/** A local chat entry with defaults applied. */
export type LocalChatEntry = z.output<typeof localChat>;
/** A remote embedding entry with defaults applied. */
export type RemoteEmbeddingEntry = z.output<typeof remoteEmbedding>;
/** A local embedding entry with defaults applied. */
export type LocalEmbeddingEntry = z.output<typeof localEmbedding>;
/** Circuit breaker settings with defaults applied. */
export type BreakerSettings = z.output<typeof breaker>;
