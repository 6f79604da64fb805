import { trailingOverlap } from './overlap.js';
import type { Overlap } from './overlap.js';
import type { CountTokens, Piece } from './types.js';

/** A chunk's source range with its final text and exact token count. */
export interface RenderedChunk {
  start: number;
  end: number;
  text: string;
  tokens: number;
}

/** What {@link packPieces} needs besides the pieces. */
export interface PackContext {
  text: string;
  /** Tokens the pieces of one chunk may add up to. */
  budget: number;
  /** Hard limit on a rendered chunk's exact count. */
  maxTokens: number;
  overlapTokens: number;
  count: CountTokens;
  /**
   * The chunk covering `start`..`end` of the text, exactly counted; `spanTokens`, when given, is
   * the known count of that span alone.
   */
  render: (start: number, end: number, spanTokens?: number) => RenderedChunk;
}

/**
 * Packs consecutive pieces greedily into chunks of at most `budget` estimated tokens, each chunk
 * after the first starting with about `overlapTokens` of the previous chunk's tail. The estimate
 * sums piece counts plus line breaks between them; each chunk is then counted exactly and, in the
 * rare case the estimate was low, gives back pieces (then its overlap) until it fits.
 */
export function packPieces(pieces: readonly Piece[], context: PackContext): RenderedChunk[] {
  const chunks: RenderedChunk[] = [];
  const gapTokens = gapCounter(context);
  let overlap: Overlap | null = null;
  for (let first = 0; first < pieces.length;) {
    let end = first;
    let estimate = overlap?.tokens ?? 0;
    for (; end < pieces.length; end++) {
      const piece = pieces[end];
      if (!piece) break;
      const added = piece.tokens + (end > first ? gapTokens(pieces[end - 1], piece) : 0);
      if (end > first && estimate + added > context.budget) break;
      estimate += added;
    }
    const { chunk, next } = fitExactly(pieces, first, end, overlap, context);
    chunks.push(chunk);
    const nextPiece = pieces[next];
    const limit = nextPiece
      ? Math.min(context.overlapTokens, context.budget - nextPiece.tokens)
      : 0;
    overlap = trailingOverlap(context.text, pieces.slice(first, next), limit, context.count);
    first = next;
  }
  return chunks;
}

/** The chunk of pieces `first`..`end - 1` after `overlap`, shortened until it fits `maxTokens`. */
function fitExactly(
  pieces: readonly Piece[],
  first: number,
  end: number,
  overlap: Overlap | null,
  context: PackContext,
): { chunk: RenderedChunk; next: number } {
  const firstPiece = pieces[first];
  if (!firstPiece) throw new RangeError('no piece to pack');
  let start = overlap?.start ?? firstPiece.start;
  let last = end - 1;
  for (;;) {
    const alone = last === first && start === firstPiece.start ? firstPiece.tokens : undefined;
    const chunk = context.render(start, pieces[last]?.end ?? firstPiece.end, alone);
    if (chunk.tokens <= context.maxTokens) return { chunk, next: last + 1 };
    if (last > first) last--;
    else if (start !== firstPiece.start) start = firstPiece.start;
    else return { chunk, next: last + 1 };
  }
}

// A space joins the next word's token in BPE vocabularies, but a line break is usually a token
// of its own; counting breaks keeps the estimate from running low and forcing a re-count.
function gapCounter(context: PackContext) {
  const cache = new Map<string, number>();
  return (before: Piece | undefined, after: Piece): number => {
    const gap = before ? context.text.slice(before.end, after.start) : '';
    if (!gap.includes('\n')) return 0;
    let tokens = cache.get(gap);
    if (tokens === undefined) {
      tokens = context.count(gap);
      cache.set(gap, tokens);
    }
    return tokens;
  };
}
