import type { Span } from './types.js';

/**
 * What a validator answers for one regex match: the span to report (often a sub-range of the
 * match), or null to reject it. `resumeAt` moves the scan on from somewhere other than the
 * match's end, e.g. when only a prefix of a greedy match was kept.
 */
export type Verdict = (Span & { resumeAt?: number }) | null;

/**
 * Where a scan goes on at the latest after a match at `index`: the next character. A `u` or `v`
 * pattern never starts inside a surrogate pair (it steps back to the pair's start), so past an
 * astral character that is two code units on, or the scan would find the same match forever.
 */
function nextStart(text: string, index: number, regex: RegExp): number {
  const codePoint = text.codePointAt(index) ?? 0;
  const wholeCodePoints = regex.unicode || regex.flags.includes('v');
  return index + (wholeCodePoints && codePoint > 0xffff ? 2 : 1);
}

/**
 * Runs `pattern` once over `text` and yields the spans `validate` accepts. The pattern must
 * have the `g` flag; it is copied, so several scans with one pattern may run interleaved. Each
 * match starts after the previous one, so a pattern that can match empty text ends too.
 */
export function* scan(
  text: string,
  pattern: RegExp,
  validate: (match: RegExpExecArray) => Verdict,
): Generator<Span> {
  const regex = new RegExp(pattern);
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const verdict = validate(match);
    if (verdict !== null) yield { start: verdict.start, end: verdict.end };
    const next = verdict?.resumeAt ?? match.index + match[0].length;
    regex.lastIndex = Math.max(next, nextStart(text, match.index, regex));
  }
}

/** The span of the whole match. */
export function wholeMatch(match: RegExpExecArray): Span {
  return { start: match.index, end: match.index + match[0].length };
}

/**
 * True when one of `keywords` ends within `window` characters before `index`. Used for context
 * words such as "SSN" (makes a bare number an entity) or "version" (makes a dotted quad not one).
 */
export function precededBy(text: string, index: number, keywords: RegExp, window = 32): boolean {
  return keywords.test(text.slice(Math.max(0, index - window), index));
}
