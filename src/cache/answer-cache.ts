import type pg from 'pg';
import { EXACT_OR_SIMILAR_SQL, EXACT_SQL, SIMILAR_SQL, lookUp } from './lookup.js';
import { questionHash } from './question-key.js';
import { storeEntry, vectorLiteral } from './store-entry.js';
import type { AnswerCache } from './types.js';

/** Default least cosine similarity of a semantic hit. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.92;
/** Default number of nearest entries a semantic lookup considers (stale ones are skipped). */
export const DEFAULT_CANDIDATES = 5;

/** Options of {@link createAnswerCache}. */
export interface AnswerCacheOptions {
  /** Least cosine similarity, in (0, 1], of a semantic hit. Default: 0.92. */
  similarityThreshold?: number;
  /** Nearest entries a semantic lookup considers. Default: 5. */
  candidates?: number;
}

/**
 * The answer cache on the application database (`answer_cache`, migration 000006). Lookups
 * are scoped to one workspace and collection, compare only embeddings of the same model, and
 * check on every read that each cited chunk still exists with the same text; stale entries
 * are deleted as they are found.
 */
export function createAnswerCache(pool: pg.Pool, options: AnswerCacheOptions = {}): AnswerCache {
  const similarityThreshold = options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const candidates = options.candidates ?? DEFAULT_CANDIDATES;
  if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
    throw new RangeError('similarityThreshold must be in (0, 1]');
  }
  return {
    similarityThreshold,
    findExact: (key, question) =>
      lookUp(pool, EXACT_SQL, [key.workspaceId, key.collectionId, questionHash(question)]),
    findSimilar: (key, embedding, minSimilarity = similarityThreshold) =>
      lookUp(pool, SIMILAR_SQL, [
        key.workspaceId,
        key.collectionId,
        embedding.model,
        embedding.vector.length,
        vectorLiteral(embedding.vector),
        1 - minSimilarity,
        candidates,
      ]),
    find: (key, question, embedding, minSimilarity = similarityThreshold) =>
      lookUp(pool, EXACT_OR_SIMILAR_SQL, [
        key.workspaceId,
        key.collectionId,
        questionHash(question),
        embedding.model,
        embedding.vector.length,
        vectorLiteral(embedding.vector),
        1 - minSimilarity,
        candidates,
      ]),
    store: (entry) => storeEntry(pool, entry),
  };
}
