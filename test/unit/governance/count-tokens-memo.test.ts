import { Tiktoken } from 'js-tiktoken/lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countTokens } from '../../../src/governance/token-budget.js';

// How many pre-token counts countTokens remembers.
const MEMO_SIZE = 100_000;

/** `count` distinct pre-tokens numbered from `from`: ` q` and the number in letters a–z. */
function freshWords(from: number, count: number): string {
  const words: string[] = [];
  for (let i = from; i < from + count; i++) {
    let n = i;
    let word = '';
    do {
      word = String.fromCharCode(97 + (n % 26)) + word;
      n = Math.floor(n / 26);
    } while (n > 0);
    words.push(` q${word}`);
  }
  return words.join('');
}

describe('countTokens memory of pre-token counts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a recently used pre-token after more distinct ones than it holds have passed, and forgets the least recent', () => {
    const encode = vi.spyOn(Tiktoken.prototype, 'encode');
    const hot = 'Ballastish';
    const batch = (MEMO_SIZE * 3) / 5;
    const expected = countTokens(hot);
    countTokens(freshWords(0, batch));
    countTokens(hot);
    // 1.2 × the memo's size in all, but fewer than its size since `hot` was last used.
    countTokens(freshWords(batch, batch));

    encode.mockClear();
    expect(countTokens(hot)).toBe(expected);
    expect(encode).not.toHaveBeenCalled();
    countTokens(freshWords(0, 1));
    expect(encode).toHaveBeenCalledTimes(1);
  });
});
