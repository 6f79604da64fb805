import type { EmbeddingBackend } from '../embedding/embedding-backend.js';
import type { EmbeddingModel } from '../types.js';
import { DEFAULT_LOCAL_DIMENSIONS } from '../config-schema.js';
import { fnv1a } from './hash.js';
import { isStopword, words } from './text.js';

const BUCKET_SEED = 0x811c9dc5;
const SIGN_SEED = 0x5bd1e995;
// Char n-grams are many per word, so they weigh less each; they make "retry"/"retries" similar.
const WEIGHTS = { word: 1, bigram: 0.8, char: 0.35 } as const;

/** Options of {@link LocalHashingEmbedder}. */
export interface LocalHashingEmbedderOptions {
  /** Id shown in status. Default: `'local'`. */
  id?: string;
  /** Vector length. Default: 384. */
  dimensions?: number;
}

/**
 * The offline embedding model: signed feature hashing of word unigrams, word bigrams and
 * character 3/4-grams, sublinear term frequency (1 + ln tf), L2-normalised. Deterministic across
 * processes (FNV-1a). A text without any word maps to one fixed unit vector, never to zeros
 * (a zero vector has no cosine distance).
 */
export class LocalHashingEmbedder implements EmbeddingModel, EmbeddingBackend {
  readonly kind = 'local';
  readonly id: string;
  readonly model = 'hashing-v1';
  readonly dimensions: number;

  constructor(options: LocalHashingEmbedderOptions = {}) {
    this.id = options.id ?? 'local';
    this.dimensions = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
  }

  /** Embeds every text; cancellation is checked between texts. */
  // async so that an abort rejects the promise instead of throwing synchronously.
  async embed(texts: string[], opts: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const text of texts) {
      opts.signal?.throwIfAborted();
      vectors.push(this.embedOne(text));
    }
    return vectors;
  }

  /** {@link embed} for the resilient wrapper. */
  embedBatch(texts: readonly string[], signal: AbortSignal): Promise<number[][]> {
    return this.embed([...texts], { signal });
  }

  /** The vector of one text. */
  embedOne(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const features = featureCounts(text);
    if (features.size === 0) features.set('\u0000empty', { weight: 1, count: 1 });
    for (const [feature, { weight, count }] of features) {
      const bucket = fnv1a(feature, BUCKET_SEED) % this.dimensions;
      const sign = (fnv1a(feature, SIGN_SEED) & 1) === 0 ? 1 : -1;
      vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    // Opposite signs can cancel a lone feature exactly; fall back to the empty-text vector then.
    if (norm === 0) return this.embedOne('');
    return Array.from(vector, (value) => value / norm);
  }
}

function featureCounts(text: string): Map<string, { weight: number; count: number }> {
  const features = new Map<string, { weight: number; count: number }>();
  const add = (feature: string, weight: number): void => {
    const entry = features.get(feature);
    if (entry) entry.count += 1;
    else features.set(feature, { weight, count: 1 });
  };
  const content = words(text).filter((word) => !isStopword(word));
  content.forEach((word, index) => {
    add(`w:${word}`, WEIGHTS.word);
    const next = content[index + 1];
    if (next !== undefined) add(`b:${word} ${next}`, WEIGHTS.bigram);
    const padded = `^${word}$`;
    for (const n of [3, 4]) {
      for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, WEIGHTS.char);
    }
  });
  return features;
}
