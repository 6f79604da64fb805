import type { CountTokens, Piece, Span } from './types.js';

// Long enough that an atom rarely splits a token, short enough that rounding to atoms wastes
// little of a chunk; 32 also matches the slices the default counter uses inside long runs.
const ATOM_LENGTH = 32;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `index`, moved forward if it falls between the two halves of a surrogate pair. */
function alignUp(text: string, index: number): number {
  const splitsPair =
    isLowSurrogate(text.charCodeAt(index)) && !isLowSurrogate(text.charCodeAt(index - 1));
  return splitsPair ? index + 1 : index;
}

/**
 * Cuts `span` (text without break opportunities, such as a long URL or a base64 blob) into
 * consecutive pieces of at most `budget` tokens, cut between code points. The span is counted in
 * 32-character atoms; atoms are packed greedily on their summed counts and each piece is then
 * counted exactly, so the text is counted about twice. An atom that alone exceeds the budget
 * is cut by binary search.
 */
export function hardSplit(text: string, span: Span, budget: number, count: CountTokens): Piece[] {
  const atoms: Piece[] = [];
  for (let start = span.start; start < span.end;) {
    const end = Math.min(alignUp(text, start + ATOM_LENGTH), span.end);
    atoms.push({ start, end, tokens: count(text.slice(start, end)) });
    start = end;
  }
  const pieces: Piece[] = [];
  for (let first = 0; first < atoms.length;) {
    let end = first;
    for (let sum = 0; end < atoms.length; end++) {
      sum += atoms[end]?.tokens ?? 0;
      if (sum > budget && end > first) break;
    }
    const start = atoms[first]?.start ?? span.end;
    for (; end > first; end--) {
      const pieceEnd = atoms[end - 1]?.end ?? start;
      const tokens = count(text.slice(start, pieceEnd));
      if (tokens <= budget) {
        pieces.push({ start, end: pieceEnd, tokens });
        break;
      }
    }
    if (end === first) {
      const atom = atoms[first] ?? { start, end: span.end };
      pieces.push(...splitByBisection(text, atom, budget, count));
      end = first + 1;
    }
    first = end;
  }
  return pieces;
}

function splitByBisection(text: string, span: Span, budget: number, count: CountTokens): Piece[] {
  const pieces: Piece[] = [];
  for (let start = span.start; start < span.end;) {
    // One code point always goes in, so that every piece makes progress.
    let fitting = alignUp(text, start + 1);
    let tooLong = span.end + 1;
    while (tooLong - fitting > 1) {
      const middle = alignUp(text, Math.floor((fitting + tooLong) / 2));
      if (middle >= tooLong) break;
      if (count(text.slice(start, middle)) <= budget) fitting = middle;
      else tooLong = middle;
    }
    const end = Math.min(fitting, span.end);
    pieces.push({ start, end, tokens: count(text.slice(start, end)) });
    start = end;
  }
  return pieces;
}
