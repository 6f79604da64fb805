import { AppError } from '../../errors.js';
import type { ModelStatus } from '../types.js';
import type { ChatModel } from './chat-model.js';

/**
 * The fallback chain of chat models (the configuration's order; the local model last): which
 * models there are, in which order, and whether each one's circuit is open.
 *
 * It does not fail over by itself. Each model applies its own timeout, retries and circuit
 * breaker (`model(id)`); moving to the next model is the agentic-RAG graph's fallback edge, the
 * one failover of Ballast, which skips open circuits (`isOpen`), continues a cut answer (see
 * `continuationMessages`) and reports every hop to the run.
 */
export class ChatRouter {
  readonly #chain: readonly ChatModel[];
  readonly #byId: ReadonlyMap<string, ChatModel>;

  constructor(chain: readonly ChatModel[]) {
    if (chain.length === 0) throw new Error('a chat chain needs at least one model');
    this.#chain = chain;
    this.#byId = new Map(chain.map((model) => [model.id, model]));
  }

  /** Model ids in fallback order. */
  get ids(): string[] {
    return this.#chain.map((model) => model.id);
  }

  /** One model of the chain. Throws `NOT_FOUND`. */
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
