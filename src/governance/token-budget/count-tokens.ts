import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

// js-tiktoken merges byte pairs in time quadratic in a pre-token's length, and a run of one
// character class (letters, spaces, punctuation) is a single pre-token: 5,000 dashes take
// about 2 s. Such runs are counted in slices; natural text never has runs this long.
const LONG_RUN = /[\p{L}\p{M}]{33,}|\s{33,}|[^\s\p{L}\p{M}\p{N}]{33,}/gu;
const RUN_SLICE = /[\s\S]{1,32}/gu;

let encoder: Tiktoken | undefined;

// Building the rank tables takes about 0.6 s, so it happens on first use, once per process.
function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

function encodedLength(text: string): number {
  // Special-token strings such as `<|endoftext|>` in user text are plain text, not an error.
  return text === '' ? 0 : tokenizer().encode(text, [], []).length;
}

/**
 * Tokens of `text` in the o200k_base encoding (GPT-4o, GPT-4.1, o-series). Exact for natural
 * text; inside a run of more than 32 letters, spaces or symbols (`=====…`, a long word) it counts
 * 32-character slices separately, which keeps counting linear and errs on the high side.
 */
export function countTokens(text: string): number {
  let total = 0;
  let countedUpTo = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    total += encodedLength(text.slice(countedUpTo, run.index));
    for (const slice of run[0].match(RUN_SLICE) ?? []) total += encodedLength(slice);
    countedUpTo = run.index + run[0].length;
  }
  return total + encodedLength(text.slice(countedUpTo));
}

/**
 * The longest prefix of `text` with at most `maxTokens` tokens (by {@link countTokens}), cut
 * at a token boundary.
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (countTokens(text) <= maxTokens) return text;
  const tokens = tokenizer().encode(text, [], []);
  for (let keep = Math.min(maxTokens, tokens.length); keep > 0; keep--) {
    // A cut inside a multi-byte character decodes to U+FFFD; drop it.
    const prefix = tokenizer()
      .decode(tokens.slice(0, keep))
      .replace(/\uFFFD+$/, '');
    if (countTokens(prefix) <= maxTokens) return prefix;
  }
  return '';
}
