import { traceEmbeddingAttempt, type TracedEmbeddingModel } from '../../telemetry/index.js';
import type { ModelPolicy } from '../resilience/model-policy.js';
import type { EmbedOptions, EmbeddingModel, ModelStatus } from '../types.js';
import type { EmbeddingBackend } from './embedding-backend.js';

/** Options of {@link ResilientEmbeddingModel}. */
export interface ResilientEmbeddingModelOptions {
  id: string;
  backend: EmbeddingBackend;
  policy: ModelPolicy;
  /** Texts per backend call. */
  batchSize: number;
}

/**
 * The embedding model callers use: batches of `batchSize`, each under the model's timeout,
 * retry and circuit-breaker policy. There is no fallback — vectors of another model would not be
 * comparable — so failures throw a `ModelCallError` (`MODEL_UNAVAILABLE`, `TIMEOUT`,
 * `CANCELLED`).
 */
export class ResilientEmbeddingModel implements EmbeddingModel {
  readonly id: string;
  readonly model: string;
  readonly dimensions: number;
  readonly #backend: EmbeddingBackend;
  readonly #policy: ModelPolicy;
  readonly #batchSize: number;
  readonly #traced: TracedEmbeddingModel;

  constructor(options: ResilientEmbeddingModelOptions) {
    this.id = options.id;
    this.model = options.backend.model;
    this.dimensions = options.backend.dimensions;
    this.#backend = options.backend;
    this.#policy = options.policy;
    this.#batchSize = options.batchSize;
    this.#traced = {
      id: options.id,
      kind: options.backend.kind,
      model: options.backend.model,
      dimensions: options.backend.dimensions,
    };
  }

  /** Embeds `texts` in order, one policy-wrapped request (an `embeddings` span) per batch. */
  async embed(texts: string[], opts: EmbedOptions = {}): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      const batch = texts.slice(start, start + this.#batchSize);
      const embedded = await this.#policy.execute(
        ({ signal }) =>
          traceEmbeddingAttempt(this.#traced, batch.length, () =>
            this.#backend.embedBatch(batch, signal),
          ),
        opts.signal ? { signal: opts.signal } : {},
      );
      vectors.push(...embedded);
    }
    return vectors;
  }

  /** This model's row of the GraphQL `models` field. */
  status(): ModelStatus {
    return {
      id: this.id,
      role: 'EMBEDDING',
      provider: this.#backend.kind,
      model: this.model,
      circuitState: this.#policy.circuitState(),
      ...this.#policy.snapshot(),
    };
  }
}
