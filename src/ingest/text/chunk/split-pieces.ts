import { lineSpans, paragraphSpans, sentenceSpans, wordSpans } from './boundaries.js';
import { hardSplit } from './hard-split.js';
import type { CountTokens, Piece, Span } from './types.js';

/** Finer and finer ways to cut a span, tried in this order. */
const SPLITTERS = [paragraphSpans, lineSpans, sentenceSpans, wordSpans] as const;

/**
 * Cuts the text of `span` into pieces of at most `budget` tokens at the coarsest boundaries that
 * work: paragraphs, then lines within a paragraph too long for the budget, then sentences, then
 * words, and a word longer than the budget at code points. Each piece's text is counted once,
 * plus once per finer level it has to be split at.
 */
export function splitIntoPieces(
  text: string,
  span: Span,
  budget: number,
  count: CountTokens,
): Piece[] {
  const pieces: Piece[] = [];
  for (const paragraph of paragraphSpans(text, span)) {
    splitSpan(text, paragraph, 1, { budget, count, pieces });
  }
  return pieces;
}

interface SplitContext {
  budget: number;
  count: CountTokens;
  pieces: Piece[];
}

function splitSpan(
  text: string,
  span: Span,
  level: number,
  context: SplitContext,
  knownTokens?: number,
): void {
  const tokens = knownTokens ?? context.count(text.slice(span.start, span.end));
  if (tokens <= context.budget) {
    context.pieces.push({ ...span, tokens });
    return;
  }
  const splitter = SPLITTERS[level];
  if (!splitter) {
    // A loop, not push(...): a long enough word yields more pieces than a call takes arguments.
    for (const piece of hardSplit(text, span, context.budget, context.count)) {
      context.pieces.push(piece);
    }
    return;
  }
  const parts = splitter(text, span);
  if (parts.length === 1) {
    splitSpan(text, span, level + 1, context, tokens);
    return;
  }
  for (const part of parts) splitSpan(text, part, level + 1, context);
}
