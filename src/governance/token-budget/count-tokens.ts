import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { LRUCache } from 'lru-cache';

let encoder: Tiktoken | undefined;

// Building the rank tables takes about 0.6 s of one synchronous call, once per process.
function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

/**
 * Builds the encoder's rank tables now (about 0.6 s during which the thread does nothing else)
 * instead of at the first count, which would otherwise stall every request in flight when the
 * first document is chunked. Idempotent.
 */
export function warmTokenCounter(): void {
  tokenizer();
}

// The encoder cuts text into pre-tokens with this pattern and encodes each on its own, so a
// text's count is the sum of its pre-tokens' counts. Natural text repeats the same few
// thousand pre-tokens, and remembering their counts turns counting into one regex scan and
// lookups instead of byte-pair merges (chunking got about 10 times faster).
const PRE_TOKEN = new RegExp(o200kBase.pat_str, 'gu');
// Byte-pair merging takes time quadratic in a pre-token's length, and a run of one character
// class (letters, spaces, punctuation, emoji) is a single pre-token: 5,000 dashes took about 2 s.
// Longer pre-tokens are counted in slices; natural text has hardly any.
const LONG_PRE_TOKEN = 32;
// Bounded so that adversarial input (endless new pre-tokens) cannot grow memory; evicting the
// least recently used keeps the text's common pre-tokens counted once however much passes.
const memo = new LRUCache<string, number>({ max: 100_000 });

function preTokenLength(piece: string): number {
  let tokens = memo.get(piece);
  if (tokens === undefined) {
    tokens = tokenizer().encode(piece, [], []).length;
    memo.set(piece, tokens);
  }
  return tokens;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where the slice of `piece` from `start` ends: at most 32 UTF-16 units on, never mid-pair. */
function sliceEnd(piece: string, start: number): number {
  const end = Math.min(start + LONG_PRE_TOKEN, piece.length);
  const splitsPair =
    end < piece.length &&
    isHighSurrogate(piece.charCodeAt(end - 1)) &&
    isLowSurrogate(piece.charCodeAt(end));
  return splitsPair ? end - 1 : end;
}

// Each slice is encoded as it stands, never pre-tokenised or sliced again: 32 code points of
// astral characters are 64 UTF-16 units, and slicing by code points made such a slice as long
// as the run it came from, so counting recursed until the stack overflowed.
function longPreTokenLength(piece: string): number {
  let total = 0;
  for (let start = 0; start < piece.length;) {
    const end = sliceEnd(piece, start);
    total += preTokenLength(piece.slice(start, end));
    start = end;
  }
  return total;
}

/**
 * Tokens of `text` in the o200k_base encoding (GPT-4o, GPT-4.1, o-series). Exact for natural
 * text; a pre-token longer than 32 UTF-16 code units (a run such as `=====…` or of emoji, a very
 * long word) is counted in slices of at most 32 units, cut between code points, which keeps
 * counting linear; the count then stays within a few tokens per slice of the encoding's, and is
 * usually above it. Any string is accepted: characters outside the Basic Multilingual Plane
 * count as usual, and a lone surrogate counts as U+FFFD. Special-token strings such as
 * `<|endoftext|>` count as plain text.
 */
export function countTokens(text: string): number {
  let total = 0;
  for (const [piece] of text.matchAll(PRE_TOKEN)) {
    total += piece.length <= LONG_PRE_TOKEN ? preTokenLength(piece) : longPreTokenLength(piece);
  }
  return total;
}

/** Whether `decoded`, a code point of a decoding, stands for `source`, the text's there. */
function standsFor(decoded: string, source: string): boolean {
  const isLoneSurrogate = source.length === 1 && isSurrogate(source.charCodeAt(0));
  return decoded === source || (decoded === '\uFFFD' && isLoneSurrogate);
}

/**
 * The prefix of `text` that `decoded`, the decoding of a prefix of its tokens, stands for. The
 * encoder reads a lone surrogate as U+FFFD, and a cut inside a multi-byte character decodes to
 * U+FFFD too: the first stands for the surrogate, the second is left out.
 */
function sourcePrefix(text: string, decoded: string): string {
  let length = 0;
  for (const char of decoded) {
    const code = text.codePointAt(length);
    if (code === undefined) break;
    const source = String.fromCodePoint(code);
    if (!standsFor(char, source)) break;
    length += source.length;
  }
  return text.slice(0, length);
}

/**
 * The longest prefix of `text` with at most `maxTokens` tokens (by {@link countTokens}), cut
 * at a token boundary and never inside a character; lone surrogates are kept as they are.
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (countTokens(text) <= maxTokens) return text;
  const tokens = tokenizer().encode(text, [], []);
  for (let keep = Math.min(maxTokens, tokens.length); keep > 0; keep--) {
    const prefix = sourcePrefix(text, tokenizer().decode(tokens.slice(0, keep)));
    if (countTokens(prefix) <= maxTokens) return prefix;
  }
  return '';
}
