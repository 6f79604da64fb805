import { DETECTORS } from './detectors/index.js';
import { findPlaceholders } from './placeholder.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { PII_TYPES, type PiiMatch, type PiiType, type Span } from './types.js';

/**
 * Every entity in `text` of the given types (default: all of {@link PII_TYPES}), in text order,
 * without overlaps (see {@link resolveOverlaps}). Placeholders such as `[EMAIL_1]` are never
 * reported, nor is anything overlapping one.
 */
export function detectPii(text: string, types: readonly PiiType[] = PII_TYPES): PiiMatch[] {
  const candidates: PiiMatch[] = [];
  for (const type of types) {
    for (const { start, end } of DETECTORS[type].find(text)) {
      candidates.push({ type, start, end, value: text.slice(start, end) });
    }
  }
  return resolveOverlaps(candidates, findPlaceholders(text));
}

/** Binary search in spans sorted by start: does any of them overlap `span`? */
function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.end ?? 0) <= span.start) low = middle + 1;
    else high = middle;
  }
  const next = sorted[low];
  return next !== undefined && next.start < span.end;
}

/**
 * True when `text` holds at least one entity of the given types (default: all), with the same
 * answer as `detectPii(text, types).length > 0` but stopping at the first entity found.
 */
export function containsPii(text: string, types: readonly PiiType[] = PII_TYPES): boolean {
  const placeholders = findPlaceholders(text);
  return types.some((type) => {
    for (const span of DETECTORS[type].find(text)) {
      if (!overlapsAny(placeholders, span)) return true;
    }
    return false;
  });
}
