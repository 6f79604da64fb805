import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../../../src/governance/pii/resolve-overlaps.js';
import type { PiiMatch, PiiType } from '../../../src/governance/pii.js';

function match(type: PiiType, start: number, end: number): PiiMatch {
  return { type, start, end, value: 'x'.repeat(end - start) };
}

describe('resolveOverlaps', () => {
  it('keeps disjoint matches in text order', () => {
    const matches = [match('PHONE', 20, 30), match('EMAIL', 0, 10)];
    expect(resolveOverlaps(matches, [])).toEqual([matches[1], matches[0]]);
  });

  it('prefers the longer span, then the more specific type, then the earlier start', () => {
    const longer = match('PHONE', 0, 20);
    expect(resolveOverlaps([match('CREDIT_CARD', 5, 15), longer], [])).toEqual([longer]);
    const specific = match('CREDIT_CARD', 0, 16);
    expect(resolveOverlaps([match('PHONE', 0, 16), specific], [])).toEqual([specific]);
    const earlier = match('PHONE', 0, 10);
    expect(resolveOverlaps([match('PHONE', 5, 15), earlier], [])).toEqual([earlier]);
  });

  it('keeps both neighbours of a dropped span that bridged them', () => {
    const left = match('EMAIL', 0, 10);
    const right = match('EMAIL', 12, 22);
    expect(resolveOverlaps([left, match('PHONE', 8, 14), right], [])).toEqual([left, right]);
  });

  it('drops anything overlapping a blocked span, however long', () => {
    expect(resolveOverlaps([match('SECRET', 0, 40)], [{ start: 10, end: 19 }])).toEqual([]);
  });
});
