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
    const { ids, counts } = FEATURES.of(text);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const bucket = FEATURES.bucketHash[id]! % this.dimensions;
      const sign = (FEATURES.signHash[id]! & 1) === 0 ? 1 : -1;
      vector[bucket] = vector[bucket]! + sign * FEATURES.weight[id]! * (1 + Math.log(counts[i]!));
    }
    let norm = 0;
    for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
    norm = Math.sqrt(norm);
    // Opposite signs can cancel a lone feature exactly; fall back to the empty-text vector then.
    if (norm === 0) return this.embedOne('');
    const unit = new Array<number>(vector.length);
    for (let i = 0; i < vector.length; i++) unit[i] = vector[i]! / norm;
    return unit;
  }
}

/**
 * The features of texts, interned: each feature string (`w:word`, `b:word next`, `c:^ab`) is
 * hashed once and then known by a number, and each word's own features are listed once. Texts
 * repeat a small vocabulary, so embedding becomes lookups instead of building and hashing
 * strings (about 4 times faster). Shared by every instance: hashes do not depend on the
 * dimension. Vectors are exactly those of hashing the strings each time.
 */
class FeatureTable {
  /** Entries kept before the tables start over; bounds memory on unbounded vocabularies. */
  static readonly LIMIT = 1_000_000;
  readonly bucketHash: number[] = [];
  readonly signHash: number[] = [];
  readonly weight: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly wordFeatures = new Map<string, number[]>();
  private readonly bigrams = new Map<number, number>();

  // Position + 1 of a feature in the current text's list, 0 when absent; reset after each text.
  private position = new Int32Array(4096);

  /** Feature ids of `text` in order of first occurrence, and how often each occurs. */
  of(text: string): { ids: number[]; counts: number[] } {
    if (this.weight.length >= FeatureTable.LIMIT) this.clear();
    const ids: number[] = [];
    const counts: number[] = [];
    const add = (id: number): void => {
      const at = this.position[id]!;
      if (at > 0) counts[at - 1]! += 1;
      else {
        ids.push(id);
        counts.push(1);
        this.position[id] = ids.length;
      }
    };
    const content = words(text).filter((word) => !isStopword(word));
    const own = content.map((word) => this.featuresOfWord(word));
    own.forEach((features, index) => {
      add(features[0]!);
      const next = own[index + 1];
      if (next !== undefined) add(this.bigram(features[0]!, next[0]!, content, index));
      for (let i = 1; i < features.length; i++) add(features[i]!);
    });
    for (const id of ids) this.position[id] = 0;
    if (ids.length === 0) return { ids: [this.intern('\u0000empty', 1)], counts: [1] };
    return { ids, counts };
  }

  private featuresOfWord(word: string): number[] {
    let features = this.wordFeatures.get(word);
    if (!features) {
      features = [this.intern(`w:${word}`, WEIGHTS.word)];
      const padded = `^${word}$`;
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= padded.length; i++) {
          features.push(this.intern(`c:${padded.slice(i, i + n)}`, WEIGHTS.char));
        }
      }
      this.wordFeatures.set(word, features);
    }
    return features;
  }

  private bigram(first: number, second: number, content: string[], index: number): number {
    // Word feature ids stay below LIMIT, so the pair key is exact in a double.
    const key = first * FeatureTable.LIMIT + second;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      id = this.intern(`b:${content[index]} ${content[index + 1]}`, WEIGHTS.bigram);
      this.bigrams.set(key, id);
    }
    return id;
  }

  private intern(feature: string, weight: number): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.weight.length;
      this.ids.set(feature, id);
      this.bucketHash.push(fnv1a(feature, BUCKET_SEED));
      this.signHash.push(fnv1a(feature, SIGN_SEED));
      this.weight.push(weight);
      if (id >= this.position.length) {
        const grown = new Int32Array(this.position.length * 2);
        grown.set(this.position);
        this.position = grown;
      }
    }
    return id;
  }

  private clear(): void {
    this.bucketHash.length = 0;
    this.signHash.length = 0;
    this.weight.length = 0;
    this.ids.clear();
    this.wordFeatures.clear();
    this.bigrams.clear();
  }
}

const FEATURES = new FeatureTable();
