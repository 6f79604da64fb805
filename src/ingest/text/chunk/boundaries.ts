import type { Span } from './types.js';

const BLANK_LINES = /\n[^\S\n]*\n\s*/g;
const LINE_BREAK = /\n\s*/g;
const WHITESPACE_RUN = /\s+/g;
const WHITESPACE = /\s/;
const TERMINATOR = /[.!?…]/;
// Full-width terminators end a sentence without a following space.
const CJK_TERMINATOR = /[。！？]/;
const CLOSER = /["'”’»)\]]/;
const LOWERCASE = /\p{Ll}/u;

/** Splits the text of `span` into the spans between its blank lines. */
export function paragraphSpans(text: string, span: Span): Span[] {
  return spansBetween(text, span, BLANK_LINES);
}

/** Splits the text of `span` into its lines. */
export function lineSpans(text: string, span: Span): Span[] {
  return spansBetween(text, span, LINE_BREAK);
}

/** Splits the text of `span` into words (runs without whitespace). */
export function wordSpans(text: string, span: Span): Span[] {
  return spansBetween(text, span, WHITESPACE_RUN);
}

/**
 * Splits the text of `span` into sentences: after `.`, `!`, `?` or `…` (and any closing quotes
 * or brackets) followed by whitespace and then no lowercase letter, so `e.g. this` and `3.5`
 * stay whole; after `。`, `！`, `？`; and at line breaks. One linear scan.
 */
export function sentenceSpans(text: string, span: Span): Span[] {
  const cuts: Span[] = [];
  for (let i = span.start; i < span.end; i++) {
    const char = text.charAt(i);
    if (char === '\n') {
      cuts.push({ start: i, end: i + 1 });
    } else if (CJK_TERMINATOR.test(char)) {
      cuts.push({ start: i + 1, end: i + 1 });
    } else if (TERMINATOR.test(char)) {
      let end = i + 1;
      while (end < span.end && TERMINATOR.test(text.charAt(end))) end++;
      while (end < span.end && CLOSER.test(text.charAt(end))) end++;
      let next = end;
      while (next < span.end && WHITESPACE.test(text.charAt(next))) next++;
      if (next > end && next < span.end && !LOWERCASE.test(text.charAt(next))) {
        cuts.push({ start: end, end: next });
        i = next - 1;
      } else {
        i = end - 1;
      }
    }
  }
  return spansAround(text, span, cuts);
}

function spansBetween(text: string, span: Span, separator: RegExp): Span[] {
  const slice = text.slice(span.start, span.end);
  const cuts: Span[] = [];
  for (const match of slice.matchAll(separator)) {
    cuts.push({ start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return spansAround(text, span, cuts);
}

/** The non-blank spans of `span` around the ordered `cuts`, trimmed of whitespace. */
function spansAround(text: string, span: Span, cuts: readonly Span[]): Span[] {
  const spans: Span[] = [];
  let start = span.start;
  for (const cut of [...cuts, { start: span.end, end: span.end }]) {
    const trimmed = trim(text, { start, end: cut.start });
    if (trimmed) spans.push(trimmed);
    start = cut.end;
  }
  return spans;
}

/** `span` without leading and trailing whitespace, or null when nothing else is left. */
export function trim(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && WHITESPACE.test(text.charAt(start))) start++;
  while (end > start && WHITESPACE.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}
