import type { ProviderKind } from '../types.js';

/** A raw embedding backend: one batch per call, no retries or timeouts (the wrapper adds them). */
export interface EmbeddingBackend {
  readonly kind: ProviderKind;
  readonly model: string;
  readonly dimensions: number;
  embedBatch(texts: readonly string[], signal: AbortSignal): Promise<number[][]>;
}
