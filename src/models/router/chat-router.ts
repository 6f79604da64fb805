import type { z } from 'zod';
import { AppError } from '../../errors.js';
import { silentLogger, type Logger } from '../../logger.js';
import type {
  ChatRequest,
  ChatResult,
  ChatStreamEvent,
  ModelStatus,
  StructuredOptions,
} from '../types.js';
import type { ChatModel } from './chat-model.js';
import { streamWithFailover } from './failover-stream.js';
import { generateStructuredWithFailover } from './structured-failover.js';

/** Options of {@link ChatRouter}. */
export interface ChatRouterOptions {
  /** Receives fallback and circuit events (ids and codes only). Default: silent. */
  logger?: Logger;
}

/**
 * One fallback chain of chat models (the configuration's order; the local model last).
 *
 * **Which API the graph should use:** `stream`, `generate` and `generateStructured` — they
 * fall back by themselves, continue a cut stream on the next model, and report every attempt in
 * `result.attempts` / `fallback` events. Use `model(id)` only when the graph routes fallbacks
 * with its own conditional edges (e.g. to checkpoint between models): each model still applies
 * its own timeout, retries and circuit breaker, but continuing a partial answer (see
 * `continuationMessages`) and skipping open models (`isOpen`) are then the graph's job.
 */
export class ChatRouter {
  readonly #chain: readonly ChatModel[];
  readonly #byId: ReadonlyMap<string, ChatModel>;
  readonly #logger: Logger;

  constructor(chain: readonly ChatModel[], options: ChatRouterOptions = {}) {
    if (chain.length === 0) throw new Error('a chat chain needs at least one model');
    this.#chain = chain;
    this.#byId = new Map(chain.map((model) => [model.id, model]));
    this.#logger = options.logger ?? silentLogger;
  }

  /** Model ids in fallback order. */
  get ids(): string[] {
    return this.#chain.map((model) => model.id);
  }

  /** Streams an answer; see `ChatStreamEvent` for the `restart` rule. */
  stream(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    return streamWithFailover(this.#chain, request, this.#logger);
  }

  /** The whole answer at once (the stream, collected). */
  async generate(request: ChatRequest): Promise<ChatResult> {
    for await (const event of this.stream(request)) {
      if (event.type === 'done') return event.result;
    }
    throw new AppError('MODEL_UNAVAILABLE', 'the model stream ended without a result');
  }

  /**
   * A value validated by `schema`, with up to `maxCorrections` (default 2) re-asks per model
   * before falling back. Pass `task` so the local model can answer too.
   */
  generateStructured<T>(
    schema: z.ZodType<T>,
    request: ChatRequest,
    options: StructuredOptions = {},
  ): Promise<{ value: T; result: ChatResult }> {
    return generateStructuredWithFailover(this.#chain, schema, request, options, this.#logger);
  }

  /** One model alone, without fallback (see the class comment). Throws `NOT_FOUND`. */
  model(id: string): ChatModel {
    const model = this.#byId.get(id);
    if (model === undefined) throw new AppError('NOT_FOUND', `no chat model "${id}"`);
    return model;
  }

  /** True while model `id`'s circuit is open (it would be skipped). Throws `NOT_FOUND`. */
  isOpen(id: string): boolean {
    return this.model(id).isOpen();
  }

  /** Ids of the models that would be called now, in fallback order. */
  availableModels(): string[] {
    return this.#chain.filter((model) => !model.isOpen()).map((model) => model.id);
  }

  /** One status row per model, in fallback order. */
  status(): ModelStatus[] {
    return this.#chain.map((model) => model.status());
  }
}
