/**
 * The pure text steps of ingestion: cleaning a document into normalised text, cutting it into
 * token-bounded chunks, and hashing content for dedup. No I/O.
 */
export { cleanText, DOCUMENT_FORMATS } from './clean-text.js';
export type { CleanedText, CleanTextInput, DocumentFormat } from './clean-text.js';
export {
  chunkText,
  DEFAULT_MAX_TOKENS,
  DEFAULT_OVERLAP_TOKENS,
  MIN_MAX_TOKENS,
} from './chunk-text.js';
export type { Chunk, ChunkOptions, CountTokens } from './chunk/types.js';
export { contentHash } from './content-hash.js';
export { normalizeText } from './normalize-text.js';
