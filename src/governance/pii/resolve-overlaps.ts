import { PII_TYPES, type PiiMatch, type Span } from './types.js';

interface Ranked {
  span: Span;
  match: PiiMatch | null;
  /** Lower wins among overlapping spans of equal length; placeholders beat everything. */
  rank: number;
}

function byPriority(a: Ranked, b: Ranked): number {
  const placeholderFirst = Number(a.match !== null) - Number(b.match !== null);
  const longerFirst = b.span.end - b.span.start - (a.span.end - a.span.start);
  return placeholderFirst || longerFirst || a.rank - b.rank || a.span.start - b.span.start;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The winners of one group of transitively overlapping spans. */
function winners(group: Ranked[]): PiiMatch[] {
  if (group.length === 1) return group[0]?.match ? [group[0].match] : [];
  const kept: Ranked[] = [];
  for (const candidate of [...group].sort(byPriority)) {
    if (!kept.some((other) => overlaps(other.span, candidate.span))) kept.push(candidate);
  }
  return kept.flatMap((entry) => (entry.match ? [entry.match] : []));
}

/**
 * Picks non-overlapping matches, deterministically: a span overlapping a `blocked` span (an
 * existing placeholder) loses; otherwise the longer span wins, then the type earlier in
 * {@link PII_TYPES}, then the earlier start. Returns them in text order.
 */
export function resolveOverlaps(
  candidates: readonly PiiMatch[],
  blocked: readonly Span[],
): PiiMatch[] {
  const ranked: Ranked[] = [
    ...blocked.map((span) => ({ span, match: null, rank: -1 })),
    ...candidates.map((match) => ({ span: match, match, rank: PII_TYPES.indexOf(match.type) })),
  ].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);

  const resolved: PiiMatch[] = [];
  let group: Ranked[] = [];
  let groupEnd = -1;
  for (const entry of ranked) {
    if (entry.span.start >= groupEnd && group.length > 0) {
      resolved.push(...winners(group));
      group = [];
    }
    group.push(entry);
    groupEnd = Math.max(groupEnd, entry.span.end);
  }
  resolved.push(...winners(group));
  return resolved.sort((a, b) => a.start - b.start);
}
