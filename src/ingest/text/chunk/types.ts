/** Counts the tokens of a text; must be deterministic. */
export type CountTokens = (text: string) => number;

/** A contiguous range of a text, `start` inclusive, `end` exclusive (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
}

/** A span with its token count, the unit chunks are packed from. */
export interface Piece extends Span {
  tokens: number;
}

/** One chunk of a document, ready to embed. */
export interface Chunk {
  /** Position among the document's chunks, from 0. */
  ordinal: number;
  /**
   * The text to embed: the source from `startOffset` to `endOffset`, preceded by the section's
   * heading line and a blank line when the chunk does not start at the heading itself.
   */
  text: string;
  /** Tokens of `text`; never more than `maxTokens`. */
  tokenCount: number;
  /** Titles of the enclosing headings, outermost first; empty before the first heading. */
  headingPath: string[];
  /** Where the chunk's content starts in the chunked text. */
  startOffset: number;
  /** Where the chunk's content ends in the chunked text (exclusive). */
  endOffset: number;
}

/** Options of `chunkText`. */
export interface ChunkOptions {
  /** Most tokens in a chunk, heading line included. Integer ≥ 8. Default: 400. */
  maxTokens?: number;
  /**
   * Tokens of trailing text a chunk repeats from the previous chunk of its section: whole
   * pieces or sentences where they fit, else words. Integer, 0 ≤ overlap < maxTokens. Default: 60.
   */
  overlapTokens?: number;
  /** The token counter. Default: `countTokens` of the governance token budget (o200k_base). */
  countTokens?: CountTokens;
}

/** {@link ChunkOptions} with every default applied. */
export type ChunkSettings = Required<ChunkOptions>;
