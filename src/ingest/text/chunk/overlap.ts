import { sentenceSpans, wordSpans } from './boundaries.js';
import type { CountTokens, Piece, Span } from './types.js';

/** Where an overlap starts in the text and about how many tokens it holds. */
export interface Overlap {
  start: number;
  tokens: number;
}

/**
 * The trailing text of `pieces` worth at most `limit` tokens (estimated by summing the parts'
 * counts): whole pieces while they fit, then whole sentences of the next piece back; only when
 * not even the last sentence fits, the last words. Null when nothing fits.
 */
export function trailingOverlap(
  text: string,
  pieces: readonly Piece[],
  limit: number,
  count: CountTokens,
): Overlap | null {
  let tokens = 0;
  let start = -1;
  for (let k = pieces.length - 1; k >= 0 && limit > 0; k--) {
    const piece = pieces[k];
    if (!piece) break;
    if (tokens + piece.tokens <= limit) {
      tokens += piece.tokens;
      start = piece.start;
      continue;
    }
    const tail = tailWithin(text, piece, limit - tokens, count, tokens === 0);
    if (tail) {
      tokens += tail.tokens;
      start = tail.start;
    }
    break;
  }
  return start === -1 ? null : { start, tokens };
}

// Words are the last resort: only when no whole sentence fits at all. A piece that is a single
// sentence (or word) is known not to fit already, so it is not counted again.
function tailWithin(
  text: string,
  piece: Piece,
  limit: number,
  count: CountTokens,
  wordsIfNeeded: boolean,
): Overlap | null {
  const sentences = sentenceSpans(text, piece);
  if (sentences.length > 1) {
    const bySentence = takeFromEnd(text, sentences, limit, count);
    if (bySentence || !wordsIfNeeded) return bySentence;
  }
  if (!wordsIfNeeded) return null;
  const words = wordSpans(text, sentences.at(-1) ?? piece);
  return words.length > 1 ? takeFromEnd(text, words, limit, count) : null;
}

function takeFromEnd(
  text: string,
  spans: readonly Span[],
  limit: number,
  count: CountTokens,
): Overlap | null {
  let tokens = 0;
  let start = -1;
  for (let k = spans.length - 1; k >= 0; k--) {
    const span = spans[k];
    if (!span) break;
    const spanTokens = count(text.slice(span.start, span.end));
    if (tokens + spanTokens > limit) break;
    tokens += spanTokens;
    start = span.start;
  }
  return start === -1 ? null : { start, tokens };
}
