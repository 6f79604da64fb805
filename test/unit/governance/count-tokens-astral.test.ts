import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, truncateToTokens } from '../../../src/governance/token-budget.js';

const reference = new Tiktoken(o200kBase);
const exact = (text: string): number => reference.encode(text, [], []).length;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Issue 21: 17 emoji are one pre-token of 34 UTF-16 units, and its 32-code-point slice was the
// whole run again, so counting recursed until the stack overflowed.
describe('countTokens outside the Basic Multilingual Plane', () => {
  it('counts a run of 17 emoji instead of overflowing the stack', () => {
    const tokens = countTokens('😀'.repeat(17));
    expect(Number.isFinite(tokens)).toBe(true);
    expect(tokens).toBeGreaterThan(0);
  });

  it.each([
    ['emoji', '😀'],
    ['mahjong tiles', '🀄'],
    ['mathematical letters (one word)', '𝐚'],
    ['CJK extension B ideographs', '𠀀'],
    ['emoji with a variation selector', '❤️'],
  ])('counts long runs of %s within one token per slice of the encoding', (_, unit) => {
    for (const length of [17, 33, 200]) {
      const run = unit.repeat(length);
      const slices = Math.ceil(run.length / 31);
      expect(countTokens(run), `${length}`).toBeGreaterThanOrEqual(exact(run) - 2);
      expect(countTokens(run), `${length}`).toBeLessThanOrEqual(exact(run) + slices);
    }
  });

  it('counts astral text mixed with words and lone surrogates', () => {
    const text = `Hi ${'😀'.repeat(40)} there ${'\uD83D'.repeat(40)} and ${'\uDE00😀'.repeat(30)}.`;
    expect(countTokens(text)).toBeGreaterThan(0);
  });

  it('counts a long run of emoji in linear time', () => {
    const started = performance.now();
    countTokens('😀'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('truncateToTokens outside the Basic Multilingual Plane', () => {
  it('cuts a run of emoji to a prefix within the limit, between code points', () => {
    const text = '😀'.repeat(17);
    const cut = truncateToTokens(text, 5);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.replace(SURROGATE_PAIR, '')).toBe('');
    expect(countTokens(cut)).toBeLessThanOrEqual(5);
    expect(cut.length).toBeGreaterThan(0);
  });

  it('keeps a long emoji text whole when it fits', () => {
    const text = `Party ${'🎉'.repeat(50)}!`;
    expect(truncateToTokens(text, 10_000)).toBe(text);
  });

  it('returns a prefix of text holding lone surrogates, never U+FFFD in their place', () => {
    const text = `a\uD800b\uDC00c ${'word '.repeat(20)}`;
    const cut = truncateToTokens(text, 6);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut).toMatch(LONE_SURROGATE);
    expect(countTokens(cut)).toBeLessThanOrEqual(6);
  });
});
