import { z } from 'zod';

/** Where an answer is cached: one collection of one workspace. */
export interface CacheKey {
  workspaceId: string;
  collectionId: string;
}

/** A cited chunk as the cache stores it. */
const citationSchema = z.strictObject({
  chunkId: z.string().min(1),
  documentId: z.string().min(1),
});

/** The answer JSON of an entry, validated on every read (the column is plain `jsonb`). */
export const cachedAnswerSchema = z.strictObject({
  text: z.string().min(1),
  citations: z.array(citationSchema).min(1),
  /** The model that produced the answer originally. */
  model: z.string().min(1),
  grounded: z.boolean(),
});

/** What a cache entry answers with. */
export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;

/** A fresh entry found by a lookup. */
export interface CacheHit {
  entryId: string;
  /** The redacted question the entry was stored for. */
  question: string;
  answer: CachedAnswer;
  /** Cosine similarity of the questions' embeddings; 1 for an exact match. */
  similarity: number;
  createdAt: Date;
}

/** The outcome of a lookup. */
export interface CacheLookup {
  hit: CacheHit | null;
  /** Stale entries met (a cited chunk changed or is gone), deleted by this lookup. */
  retired: number;
}

/** A question's embedding, with the model that made it. */
export interface QuestionEmbedding {
  vector: readonly number[];
  /** Model name of the embedder; entries of another model are never compared. */
  model: string;
}

/** An answer to cache. */
export interface NewCacheEntry extends CacheKey {
  /** The redacted question. */
  question: string;
  embedding: QuestionEmbedding;
  answer: CachedAnswer;
  /** The cited chunks with the sha256 (NFC, UTF-8, hex) of the text the answer was built on. */
  cited: readonly { chunkId: string; contentHash: string }[];
  /** Creation time. Default: the database's `now()`. */
  createdAt?: Date;
}

/** Exact and semantic answer cache, invalidated by changes to the chunks an answer cites. */
export interface AnswerCache {
  /** Least cosine similarity of a semantic hit. */
  readonly similarityThreshold: number;
  /** The entry for the same normalized question, if it is still fresh. */
  findExact(key: CacheKey, question: string): Promise<CacheLookup>;
  /**
   * The most similar fresh entry at or above `minSimilarity`
   * (default: {@link AnswerCache.similarityThreshold}).
   */
  findSimilar(
    key: CacheKey,
    embedding: QuestionEmbedding,
    minSimilarity?: number,
  ): Promise<CacheLookup>;
  /**
   * {@link findExact} and {@link findSimilar} in one statement: the exact entry if it is
   * fresh, else the most similar fresh one at or above `minSimilarity`.
   */
  find(
    key: CacheKey,
    question: string,
    embedding: QuestionEmbedding,
    minSimilarity?: number,
  ): Promise<CacheLookup>;
  /** Stores an entry, replacing the one for the same normalized question. */
  store(entry: NewCacheEntry): Promise<void>;
}
