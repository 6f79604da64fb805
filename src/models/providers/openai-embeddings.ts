import { z } from 'zod';
import type { RemoteEmbeddingEntry } from '../config-schema.js';
import { ModelCallError, ProviderHttpError, failureOf } from '../failures.js';
import type { EmbeddingBackend } from '../embedding/embedding-backend.js';

const embeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

/** Dependencies of {@link OpenAiEmbeddingProvider}. */
export interface OpenAiEmbeddingProviderDeps {
  /** HTTP client. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * OpenAI-compatible `POST /embeddings` with plain `fetch`: `OpenAIEmbeddings` cannot take an
 * AbortSignal per call, and cancellation must reach the request. One batch per call; the
 * resilient wrapper splits, retries and times out. `dimensions` is always sent.
 */
export class OpenAiEmbeddingProvider implements EmbeddingBackend {
  readonly kind = 'openai';
  readonly model: string;
  readonly dimensions: number;
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly #id: string;
  readonly #fetch: typeof fetch;

  constructor(
    entry: RemoteEmbeddingEntry & { apiKey?: string },
    deps: OpenAiEmbeddingProviderDeps = {},
  ) {
    this.#id = entry.id;
    this.model = entry.model;
    this.dimensions = entry.dimensions;
    this.#url = `${entry.baseURL.replace(/\/+$/u, '')}/embeddings`;
    this.#headers = {
      'content-type': 'application/json',
      ...(entry.apiKey === undefined ? {} : { authorization: `Bearer ${entry.apiKey}` }),
    };
    this.#fetch = deps.fetch ?? fetch;
  }

  async embedBatch(texts: readonly string[], signal: AbortSignal): Promise<number[][]> {
    const response = await this.#fetch(this.#url, {
      method: 'POST',
      headers: this.#headers,
      body: JSON.stringify({
        model: this.model,
        input: texts,
        dimensions: this.dimensions,
        encoding_format: 'float',
      }),
      signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ProviderHttpError(response.status, response.headers);
    }
    const parsed = embeddingsResponse.safeParse(await response.json());
    const vectors = parsed.success
      ? [...parsed.data.data].sort((a, b) => a.index - b.index).map((item) => item.embedding)
      : [];
    if (
      vectors.length !== texts.length ||
      vectors.some((vector) => vector.length !== this.dimensions)
    ) {
      throw new ModelCallError(this.#id, failureOf('INVALID_OUTPUT'));
    }
    return vectors;
  }
}
