import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, truncateToTokens } from '../../../src/governance/token-budget.js';
import { generateCorpus } from '../../support/corpus.js';

const reference = new Tiktoken(o200kBase);
const exact = (text: string): number => reference.encode(text, [], []).length;

describe('countTokens', () => {
  it.each([
    '',
    'Hello world',
    'The quick brown fox jumps over the lazy dog.\n\nSecond paragraph — with “quotes”, émojis 🎉 and 中文.',
    'function add(a: number, b: number): number {\n  return a + b;\n}',
    'A table | with | pipes\n|---|---|\n| 1 | 2 |',
  ])('matches the o200k_base encoding exactly on natural text: %j', (text) => {
    expect(countTokens(text)).toBe(exact(text));
  });

  it('matches the encoding exactly on a varied corpus, counted twice (the second time from memory)', () => {
    const lines = generateCorpus(40, 3).map((d) => d.markdown);
    lines.push(
      'naïve café — déjà vu',
      '  indented\tcode();  ',
      "it's they'll we'd",
      '12345678 3.14159',
    );
    for (const pass of [1, 2]) {
      for (const text of lines) expect(countTokens(text), `pass ${pass}`).toBe(exact(text));
    }
  });

  it('counts special-token strings in user text as plain text instead of throwing', () => {
    expect(countTokens('before <|endoftext|> after')).toBe(exact('before <|endoftext|> after'));
  });

  it('counts long single-class runs in 32-character slices: about one token extra per slice', () => {
    for (const run of ['a'.repeat(1_000), '='.repeat(1_000), ' '.repeat(1_000), 'ab'.repeat(500)]) {
      const text = `x ${run} y`;
      const slices = Math.ceil(run.length / 32);
      expect(countTokens(text)).toBeGreaterThanOrEqual(exact(text) - 2);
      expect(countTokens(text)).toBeLessThanOrEqual(exact(text) + slices);
    }
  });

  it('counts a long run in linear time (an unsliced 100 KB run takes minutes)', () => {
    const started = performance.now();
    countTokens('='.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('truncateToTokens', () => {
  const text = 'One two three four five six seven eight nine ten eleven twelve.';

  it('returns the text itself when it fits', () => {
    expect(truncateToTokens(text, 1_000)).toBe(text);
  });

  it('returns the longest prefix within the limit', () => {
    const cut = truncateToTokens(text, 5);
    expect(text.startsWith(cut)).toBe(true);
    expect(countTokens(cut)).toBe(5);
    expect(truncateToTokens(text, 0)).toBe('');
  });

  it('never leaves half a multi-byte character behind', () => {
    const cut = truncateToTokens('日本語のテキストを途中で切る', 3);
    expect(cut).not.toContain('\uFFFD');
    expect(countTokens(cut)).toBeLessThanOrEqual(3);
  });
});
