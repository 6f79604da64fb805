import type { z } from 'zod';
import { traceChatAttempt, type ModelPrice, type TracedChatModel } from '../../telemetry/index.js';
import { ModelCallError, failureOf, toModelCallError } from '../failures.js';
import type { ChatProvider, StructuredSpec } from '../providers/chat-provider.js';
import type { ModelPolicy } from '../resilience/model-policy.js';
import { linkSignals } from '../resilience/signals.js';
import type { ChatRequest, ModelAttempt, ModelStatus, StructuredOptions } from '../types.js';
import { AsyncChannel } from './async-channel.js';
import { streamAttempt, type StreamAttemptModel } from './stream-attempt.js';
import { generateStructuredOn } from './structured-call.js';

/**
 * What {@link ChatModel.stream} yields: tokens, then one `done` with the whole text. Token usage
 * is not here: each attempt's `chat` span counts it for the run (`telemetry/run-usage.ts`).
 */
export type ModelStreamEvent = { type: 'token'; text: string } | { type: 'done'; text: string };

/** Options of one call on one model. */
export interface ModelCallOptions {
  /** Receives every attempt (retries included) as it ends. */
  onAttempt?: (attempt: ModelAttempt) => void;
  structured?: StructuredSpec;
}

/** Options of {@link ChatModel}. */
export interface ChatModelOptions {
  id: string;
  provider: ChatProvider;
  policy: ModelPolicy;
  /** Longest wait for the first token of an attempt. */
  firstTokenTimeoutMs: number;
  /** Longest silence between tokens once streaming. */
  stallTimeoutMs: number;
  /** USD per million tokens, for cost accounting. Default: unknown (local models: free). */
  price?: ModelPrice | undefined;
}

/**
 * One model of a chain with its own timeout, retry and circuit breaker, and no fallback: what
 * `ChatRouter.model(id)` returns. Failures throw a {@link ModelCallError} whose `partialText` is
 * what had been streamed. Retries happen only before the first token; a stream that breaks later
 * fails with `STREAM_CUT`/`STREAM_STALL`, and the graph's fallback edge continues it on the next
 * model.
 */
export class ChatModel {
  readonly id: string;
  readonly provider: ChatProvider;
  readonly #policy: ModelPolicy;
  readonly #attemptModel: StreamAttemptModel;
  readonly #traced: TracedChatModel;

  constructor(options: ChatModelOptions) {
    this.id = options.id;
    this.provider = options.provider;
    this.#policy = options.policy;
    this.#attemptModel = options;
    this.#traced = { id: options.id, provider: options.provider, price: options.price };
  }

  /** Whether this model can continue another model's partial answer. */
  get canContinue(): boolean {
    return this.provider.canContinue;
  }

  /** True while the circuit is open (calls are skipped without a request). */
  isOpen(): boolean {
    return this.#policy.isOpen();
  }

  /** This model's row of the GraphQL `models` field. */
  status(): ModelStatus {
    return {
      id: this.id,
      role: 'CHAT',
      provider: this.provider.kind,
      model: this.provider.model,
      circuitState: this.#policy.circuitState(),
      ...this.#policy.snapshot(),
    };
  }

  /** Streams one answer from this model; each attempt is a `chat` span. */
  async *stream(
    request: ChatRequest,
    options: ModelCallOptions = {},
  ): AsyncGenerator<ModelStreamEvent> {
    const channel = new AsyncChannel<string>();
    const consumerGone = new AbortController();
    const signal = linkSignals([request.signal, consumerGone.signal]);
    const structured = options.structured !== undefined;
    const done = this.#policy.execute(
      (ctx) =>
        traceChatAttempt(this.#traced, request, { attempt: ctx.attempt, structured }, (onToken) =>
          streamAttempt(this.#attemptModel, request, options.structured, ctx, (text) => {
            onToken(text);
            channel.push(text);
          }),
        ),
      {
        signal: signal.signal,
        ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
      },
    );
    done.then(
      () => channel.close(),
      (error: unknown) => channel.fail(error),
    );
    let text = '';
    try {
      for await (const token of channel) {
        text += token;
        yield { type: 'token', text: token };
      }
      await done;
      yield { type: 'done', text };
    } catch (error) {
      // The policy only throws ModelCallErrors; this adds the text streamed before the failure.
      const failure = toModelCallError(this.id, error, { cancelled: false, outputStarted: false });
      throw text === ''
        ? failure
        : new ModelCallError(this.id, failure.failure, { partialText: text, cause: error });
    } finally {
      consumerGone.abort();
      signal.dispose();
    }
  }

  /** Collects {@link stream} into one text. */
  async generate(request: ChatRequest, options: ModelCallOptions = {}): Promise<string> {
    for await (const event of this.stream(request, options)) {
      if (event.type === 'done') return event.text;
    }
    throw new ModelCallError(this.id, failureOf('STREAM_CUT'));
  }

  /**
   * Structured output from this model alone: JSON requested, validated with `schema`, re-asked
   * with the validation error up to `maxCorrections` times (default 2). Throws a
   * {@link ModelCallError} (`INVALID_OUTPUT` once corrections are spent).
   */
  generateStructured<T>(
    schema: z.ZodType<T>,
    request: ChatRequest,
    options: StructuredOptions = {},
  ): Promise<T> {
    return generateStructuredOn(this, schema, request, options);
  }
}
