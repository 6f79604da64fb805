import { decodeEntities } from '../html/decode-entities.js';
import { flanking, removeEmphasis } from './emphasis.js';
import type { Delimiter } from './emphasis.js';
import { findCodeSpans, matchPairs } from './inline-structure.js';

const INLINE_SYNTAX = /[\\`*_~[\]!<&]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^(?:[a-z][a-z\d+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)$/i;

/**
 * One line of Markdown as plain text: links `[text](url)` and `[text][ref]` become their text,
 * images their alt text, autolinks `<https://…>` their address; paired emphasis markers (`*`,
 * `_`, `~~`) are dropped; backslash escapes and entities are resolved. Code spans are kept as
 * written, backticks included. Linear in the line's length.
 */
export function renderInline(line: string): string {
  if (!INLINE_SYNTAX.test(line)) return line;
  const codeSpans = findCodeSpans(line);
  const brackets = matchPairs(line, '[', ']', codeSpans);
  const parens = matchPairs(line, '(', ')', codeSpans);
  // At the `]` of a link: where its destination ends, to skip to.
  const jumps = new Map<number, number>();
  const parts: string[] = [];
  const delimiters: Delimiter[] = [];
  // Plain text runs from plainStart to i and is written, entities decoded, before any syntax.
  let plainStart = 0;
  const flushPlain = (upTo: number, resumeAt: number) => {
    if (upTo > plainStart) parts.push(decodeEntities(line.slice(plainStart, upTo)));
    plainStart = resumeAt;
  };
  let nextLt = -1;
  let nextGt = -1;

  for (let i = 0; i < line.length;) {
    const char = line.charAt(i);
    const jump = jumps.get(i);
    const codeEnd = codeSpans.get(i);
    if (jump !== undefined) {
      flushPlain(i, jump);
      i = jump;
    } else if (codeEnd !== undefined) {
      flushPlain(i, codeEnd);
      parts.push(line.slice(i, codeEnd));
      i = codeEnd;
    } else if (char === '\\' && ASCII_PUNCTUATION.test(line.charAt(i + 1))) {
      flushPlain(i, i + 2);
      parts.push(line.charAt(i + 1));
      i += 2;
    } else if (char === '[' || (char === '!' && line.charAt(i + 1) === '[')) {
      const open = char === '!' ? i + 1 : i;
      const destinationEnd = linkDestinationEnd(line, brackets, parens, open);
      if (destinationEnd !== -1) {
        flushPlain(i, open + 1);
        jumps.set(brackets[open] ?? -1, destinationEnd);
      }
      i = open + 1;
    } else if (char === '*' || char === '_' || char === '~') {
      let end = i + 1;
      while (line.charAt(end) === char) end++;
      // Longer runs (`*****`) are decoration, and `~` strikes through only as `~~`.
      if (char === '~' ? end - i === 2 : end - i <= 3) {
        flushPlain(i, end);
        const sides = flanking(line.charAt(i - 1), line.charAt(end));
        delimiters.push({ part: parts.length, char, length: end - i, ...sides });
        parts.push(line.slice(i, end));
      }
      i = end;
    } else if (char === '<') {
      // Cached: each search starts past the previous result, so `<<<<…` stays linear.
      if (nextLt <= i) nextLt = indexOrEnd(line, '<', i + 1);
      if (nextGt <= i) nextGt = indexOrEnd(line, '>', i + 1);
      const address = line.slice(i + 1, nextGt);
      if (nextGt < nextLt && nextGt < line.length && AUTOLINK.test(address)) {
        flushPlain(i, nextGt + 1);
        parts.push(address);
        i = nextGt + 1;
      } else {
        i++;
      }
    } else {
      i++;
    }
  }
  flushPlain(line.length, line.length);
  removeEmphasis(parts, delimiters);
  return parts.join('');
}

function indexOrEnd(line: string, char: string, from: number): number {
  const at = line.indexOf(char, from);
  return at === -1 ? line.length : at;
}

/**
 * For the `[` at `open`: the index just past its link's destination `(…)` or reference `[…]`,
 * or -1 when the brackets form no link.
 */
function linkDestinationEnd(
  line: string,
  brackets: Int32Array,
  parens: Int32Array,
  open: number,
): number {
  const close = brackets[open] ?? -1;
  if (close === -1) return -1;
  const after = line.charAt(close + 1);
  const end = after === '(' ? parens[close + 1] : after === '[' ? brackets[close + 1] : -1;
  return end === undefined || end === -1 ? -1 : end + 1;
}
