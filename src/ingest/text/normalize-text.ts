const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL_CHARACTER = /(?![\t\n])\p{Cc}|\uFEFF/gu;
const SPACE_SEPARATOR = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const BLANK_LINE_RUN = /\n{3,}/g;
const LEADING_LINE_FEEDS = /^\n+/;

/** `text` with CRLF, lone CR and the Unicode line/paragraph separators turned into `\n`. */
export function toLineFeeds(text: string): string {
  return text.replace(LINE_BREAK, '\n');
}

/**
 * The normalisation every cleaned document gets, whatever its format: `\n` line endings,
 * Unicode NFC, no control characters but `\n` and `\t` (nor a byte-order mark), no-break and
 * other Unicode spaces as plain spaces, no trailing whitespace on any line, at most one blank
 * line in a row, and no blank lines at the start or end. Idempotent.
 */
export function normalizeText(text: string): string {
  // Postgres rejects text that is not valid UTF-8, and a lone surrogate cannot be encoded.
  const wellFormed = toLineFeeds(text).replace(LONE_SURROGATE, '\uFFFD');
  // Controls go before composing: one between a letter and its accent (`e\u0000\u0301`) would
  // leave them uncomposed until the next normalisation, and normalising would not be idempotent.
  const lines = wellFormed
    .replace(CONTROL_CHARACTER, '')
    .normalize('NFC')
    .replace(SPACE_SEPARATOR, ' ')
    .split('\n');
  // A per-line trimEnd, not /[ \t]+$/gm, which backtracks quadratically over a long run of spaces.
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(BLANK_LINE_RUN, '\n\n')
    .replace(LEADING_LINE_FEEDS, '')
    .trimEnd();
}
