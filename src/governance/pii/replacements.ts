import { detectPii } from './detect.js';
import type { PiiMatch, PiiType, Span } from './types.js';

/** An entity of the original text with the placeholder that replaces it. */
export interface Replacement extends PiiMatch {
  placeholder: string;
}

// How much of the redacted text detection reads around an entity: the longest look-back of a
// detector (the email detector's check for a URL before it reads 256 characters), also the
// farthest from a placeholder an entity it reveals is looked for.
const CONTEXT = 256;

/** A stretch of the redacted text: placeholders in place of the replacements inside it. */
interface Excerpt {
  text: string;
  /** Where the original text's pieces sit in `text`: at `at`, `length` units from `from`. */
  pieces: { at: number; from: number; length: number }[];
  startsText: boolean;
  endsText: boolean;
}

/** The index of the first of `sorted` replacements starting at or after `position`. */
function firstFrom(sorted: readonly Replacement[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.start ?? Infinity) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where in the original text a stretch of at least `reach` redacted characters before
 * `replacement` starts (or 0), never inside another replacement.
 */
function reachBack(
  sorted: readonly Replacement[],
  replacement: Replacement,
  reach: number,
): number {
  let position = replacement.start;
  let gathered = 0;
  for (let k = firstFrom(sorted, position) - 1; position > 0 && gathered < reach; k--) {
    const previous = sorted[k];
    const take = Math.min(position - (previous?.end ?? 0), reach - gathered);
    position -= take;
    gathered += take;
    if (gathered < reach && previous) {
      position = previous.start;
      gathered += previous.placeholder.length;
    }
  }
  return position;
}

/** Like {@link reachBack}, after `replacement`: where the stretch ends (or the text's end). */
function reachForward(
  sorted: readonly Replacement[],
  replacement: Replacement,
  reach: number,
  textLength: number,
): number {
  let position = replacement.end;
  let gathered = 0;
  for (let k = firstFrom(sorted, position); position < textLength && gathered < reach; k++) {
    const next = sorted[k];
    const take = Math.min((next?.start ?? textLength) - position, reach - gathered);
    position += take;
    gathered += take;
    if (gathered < reach && next) {
      position = next.end;
      gathered += next.placeholder.length;
    }
  }
  return position;
}

/**
 * Stretches of the original text (merged, in order) holding, in the redacted text, twice
 * CONTEXT characters on either side of each of the `fresh` replacements.
 */
function windowsAround(
  sorted: readonly Replacement[],
  fresh: readonly Replacement[],
  textLength: number,
): Span[] {
  const windows: Span[] = [];
  for (const replacement of fresh) {
    const start = reachBack(sorted, replacement, 2 * CONTEXT);
    const end = reachForward(sorted, replacement, 2 * CONTEXT, textLength);
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** The redacted text of `window` of `text`, with where its original pieces went. */
function excerptOf(text: string, sorted: readonly Replacement[], window: Span): Excerpt {
  const parts: string[] = [];
  const pieces: Excerpt['pieces'] = [];
  let at = 0;
  let position = window.start;
  const addPiece = (end: number) => {
    if (end > position) {
      parts.push(text.slice(position, end));
      pieces.push({ at, from: position, length: end - position });
      at += end - position;
    }
  };
  for (let k = firstFrom(sorted, window.start); (sorted[k]?.start ?? Infinity) < window.end; k++) {
    const replacement = sorted[k];
    if (!replacement) break;
    addPiece(replacement.start);
    parts.push(replacement.placeholder);
    at += replacement.placeholder.length;
    position = replacement.end;
  }
  addPiece(window.end);
  return {
    text: parts.join(''),
    pieces,
    startsText: window.start === 0,
    endsText: window.end === text.length,
  };
}

/** `match` of `excerpt` as a span of the original text, or null when not inside one piece. */
function toOriginal(excerpt: Excerpt, match: Span): Span | null {
  const piece = excerpt.pieces.find((p) => p.at <= match.start && match.start < p.at + p.length);
  if (!piece || match.end > piece.at + piece.length) return null;
  return { start: piece.from + match.start - piece.at, end: piece.from + match.end - piece.at };
}

/** Whether detection in `excerpt` saw CONTEXT characters on either side of `match`. */
function hasFullContext(excerpt: Excerpt, match: Span): boolean {
  const before = excerpt.startsText || match.start >= CONTEXT;
  const after = excerpt.endsText || excerpt.text.length - match.end >= CONTEXT;
  return before && after;
}

/** The entities that detection of the redacted text finds near the `fresh` replacements. */
function revealedNear(
  text: string,
  sorted: readonly Replacement[],
  fresh: readonly Replacement[],
  types: readonly PiiType[] | undefined,
): PiiMatch[] {
  const revealed: PiiMatch[] = [];
  for (const window of windowsAround(sorted, fresh, text.length)) {
    const excerpt = excerptOf(text, sorted, window);
    for (const match of detectPii(excerpt.text, types)) {
      const span = hasFullContext(excerpt, match) ? toOriginal(excerpt, match) : null;
      // Non-empty, so every pass replaces more of the text and the passes end.
      if (span && span.end > span.start) revealed.push({ ...match, ...span });
    }
  }
  return revealed;
}

/** Inserts `added` (in order) into `sorted`, keeping it in text order. */
function insertSorted(sorted: Replacement[], added: readonly Replacement[]): void {
  for (const replacement of added) {
    sorted.splice(firstFrom(sorted, replacement.start), 0, replacement);
  }
}

/**
 * Every entity to replace in `text`, in text order, each with its placeholder from
 * `placeholderFor` (called in the order entities are found). First the entities `detectPii`
 * finds; then, pass after pass, those the last pass's placeholders reveal (a placeholder
 * changes what is next to it, and detectors read their neighbours) until a pass finds none.
 * A pass reads only the text near the last pass's placeholders, so a chain of glued entities,
 * revealed one per pass, takes linear time.
 */
export function findReplacements(
  text: string,
  types: readonly PiiType[] | undefined,
  placeholderFor: (match: PiiMatch) => string,
): Replacement[] {
  const withPlaceholders = (matches: readonly PiiMatch[]) =>
    matches.map((match) => ({ ...match, placeholder: placeholderFor(match) }));
  const sorted = withPlaceholders(detectPii(text, types));
  for (let fresh = sorted; fresh.length > 0;) {
    fresh = withPlaceholders(revealedNear(text, sorted, fresh, types));
    insertSorted(sorted, fresh);
  }
  return sorted;
}
