import type { ChatRequest, LocalTask, ProviderKind, TokenUsage } from '../types.js';

/** One piece of a provider's stream. A complete stream always ends with a `finish` chunk. */
export type ProviderChunk =
  | { type: 'text'; text: string }
  | { type: 'refusal'; text: string }
  // The attempt's tokens so far: a later `usage` chunk replaces an earlier one (servers that
  // report usage on every chunk report running totals).
  | { type: 'usage'; usage: TokenUsage }
  // `model`: the model that answered, when the provider says (it may differ from the one asked).
  | { type: 'finish'; reason: string; model?: string };

/** Structured output requested from a provider. */
export interface StructuredSpec {
  /** `response_format.json_schema.name`. */
  name: string;
  /** JSON schema of the expected value; absent → plain JSON mode (`json_object`). */
  jsonSchema?: Record<string, unknown>;
  /** Lets the local model answer (it cannot follow arbitrary schemas). */
  task?: LocalTask;
}

/** Options of {@link ChatProvider.stream}. */
export interface ProviderStreamOptions {
  /** Must reach the HTTP request. */
  signal: AbortSignal;
  structured?: StructuredSpec;
}

/** A raw chat backend: one attempt, no retries, no timeouts (the policy adds those). */
export interface ChatProvider {
  readonly kind: ProviderKind;
  /** Model name at the provider. */
  readonly model: string;
  /** Whether it can continue an assistant message it did not write (mid-stream failover). */
  readonly canContinue: boolean;
  stream(request: ChatRequest, options: ProviderStreamOptions): AsyncIterable<ProviderChunk>;
}
