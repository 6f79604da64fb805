/** Who wrote a chat message. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** One message of a chat conversation, in the OpenAI chat format. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A retrieved passage the answer may be grounded in; `id` is what citations point at. */
export interface ContextChunk {
  id: string;
  text: string;
}

/**
 * One chat request. Remote models read `messages` (the caller puts the context in them);
 * the local extractive model reads `question` and `context` and ignores `messages`.
 */
export interface ChatRequest {
  messages: ChatMessage[];
  question: string;
  context: ContextChunk[];
  /** Aborting it cancels the call at once (`AppError('CANCELLED')`, no fallback). Default: none. */
  signal?: AbortSignal;
  /** Upper bound on generated tokens, passed to the provider. Default: the provider's own. */
  maxOutputTokens?: number;
}

/** How one attempt on one model ended. `skipped`: its circuit was open, no request was sent. */
export type AttemptOutcome = 'ok' | 'error' | 'invalid' | 'skipped';

/** One attempt on one model (each retry is its own attempt), as `onAttempt` reports it. */
export interface ModelAttempt {
  /** Model id from the configuration. */
  model: string;
  outcome: AttemptOutcome;
  /** A failure code from `failures.ts` (`TIMEOUT`, `HTTP_503`, `CIRCUIT_OPEN`, …); absent when ok. */
  reason?: string;
  latencyMs: number;
  /** ISO-8601 start time. */
  at: string;
}

/** Tokens a provider reported for one attempt (a run's are summed in `telemetry/run-usage.ts`). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Tasks the local model can answer with structured output (see `local/structured-responders.ts`). */
export type LocalTask = 'grade' | 'answer' | 'rewrite';

/** Options of structured generation. */
export interface StructuredOptions {
  /** Re-asks per model after a parse or validation failure. Default: 2. */
  maxCorrections?: number;
  /** Lets the local model answer deterministically; without it the local model cannot. */
  task?: LocalTask;
  /** Name sent in `response_format.json_schema.name`. Default: the task, else `'response'`. */
  schemaName?: string;
  /** Receives every attempt (retries and corrections included) as it is judged. Default: none. */
  onAttempt?: (attempt: ModelAttempt) => void;
}

/** Provider families. `openai` covers every OpenAI-compatible endpoint. */
export type ProviderKind = 'openai' | 'local';

/** Circuit breaker state as GraphQL shows it. */
export type CircuitStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** One row of the GraphQL `models` field. Never contains secrets. */
export interface ModelStatus {
  id: string;
  role: 'CHAT' | 'EMBEDDING';
  provider: ProviderKind;
  model: string;
  circuitState: CircuitStateName;
  /** Requests in the recent window (see `resilience/call-stats.ts`). */
  calls: number;
  /** Failed requests in the recent window. */
  failures: number;
  p50LatencyMs: number | null;
  lastErrorCode: string | null;
}

/** Options of `EmbeddingModel.embed`. */
export interface EmbedOptions {
  signal?: AbortSignal;
}

/** Turns texts into vectors of `dimensions` numbers, batching internally. */
export interface EmbeddingModel {
  id: string;
  model: string;
  dimensions: number;
  embed(texts: string[], opts?: EmbedOptions): Promise<number[][]>;
}
