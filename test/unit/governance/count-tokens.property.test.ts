import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, truncateToTokens } from '../../../src/governance/token-budget.js';
import { fullUnicodeText, PROPERTY_RUNS } from '../../support/unicode-arbitraries.js';

const reference = new Tiktoken(o200kBase);
const exact = (text: string): number => reference.encode(text, [], []).length;
const preTokens = (text: string): string[] =>
  [...text.matchAll(new RegExp(o200kBase.pat_str, 'gu'))].map(([piece]) => piece);

const options = { numRuns: PROPERTY_RUNS };
const budget = fc.integer({ min: 0, max: 40 });

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when cutting `text` at `index` would separate the halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

describe('countTokens on arbitrary Unicode', () => {
  it('counts any string as a whole number of tokens, at least one for non-empty text', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        const tokens = countTokens(text);
        expect(Number.isInteger(tokens)).toBe(true);
        expect(tokens > 0).toBe(text !== '');
      }),
      options,
    );
  });

  it('is exact when no pre-token is longer than 32 UTF-16 units', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        fc.pre(preTokens(text).every((piece) => piece.length <= 32));
        expect(countTokens(text)).toBe(exact(text));
      }),
      options,
    );
  });

  it('stays within a few tokens per slice of the encoding on long pre-tokens', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        // A long pre-token is cut into slices of at most 32 units (31 to keep a pair whole).
        const slices = preTokens(text)
          .filter((piece) => piece.length > 32)
          .reduce((sum, piece) => sum + Math.ceil(piece.length / 31), 0);
        expect(Math.abs(countTokens(text) - exact(text))).toBeLessThanOrEqual(3 * slices);
      }),
      options,
    );
  });
});

describe('truncateToTokens on arbitrary Unicode', () => {
  it('returns a prefix within the budget, the whole text when it fits', () => {
    fc.assert(
      fc.property(fullUnicodeText(), budget, (text, maxTokens) => {
        const cut = truncateToTokens(text, maxTokens);
        expect(text.startsWith(cut)).toBe(true);
        expect(countTokens(cut)).toBeLessThanOrEqual(maxTokens);
        if (countTokens(text) <= maxTokens) expect(cut).toBe(text);
      }),
      options,
    );
  });

  it('never cuts between the halves of a surrogate pair', () => {
    fc.assert(
      fc.property(fullUnicodeText(), budget, (text, maxTokens) => {
        expect(splitsPair(text, truncateToTokens(text, maxTokens).length)).toBe(false);
      }),
      options,
    );
  });

  it('keeps at least as much text under a larger budget', () => {
    fc.assert(
      fc.property(fullUnicodeText(), budget, (text, maxTokens) => {
        const shorter = truncateToTokens(text, maxTokens);
        expect(truncateToTokens(text, maxTokens + 1).length).toBeGreaterThanOrEqual(shorter.length);
      }),
      options,
    );
  });
});
