/** An ATX heading line (`## Title`). */
export interface AtxHeading {
  /** 1–6: the number of `#`. */
  level: number;
  /** The heading text, without the optional closing `#` sequence. */
  title: string;
}

/** An open code fence: its character and length, which the closing fence must match. */
export interface Fence {
  char: '`' | '~';
  length: number;
}

function indentOf(line: string): number {
  let indent = 0;
  while (indent < 4 && line.charAt(indent) === ' ') indent++;
  return indent;
}

function runLength(line: string, from: number, char: string, max = Infinity): number {
  let end = from;
  while (end - from < max && line.charAt(end) === char) end++;
  return end - from;
}

/**
 * The ATX heading on `line` (CommonMark: up to 3 spaces of indent, 1–6 `#`, then a space or the
 * end of the line), or null. A heading with no text is null: it names no section.
 */
export function parseAtxHeading(line: string): AtxHeading | null {
  const indent = indentOf(line);
  if (indent > 3) return null;
  const level = runLength(line, indent, '#', 7);
  const after = line.charAt(indent + level);
  if (level === 0 || level > 6 || (after !== '' && after !== ' ' && after !== '\t')) return null;
  let title = line.slice(indent + level).trim();
  let closing = title.length;
  while (closing > 0 && title.charAt(closing - 1) === '#') closing--;
  const beforeClosing = title.charAt(closing - 1);
  if (closing === 0 || beforeClosing === ' ' || beforeClosing === '\t') {
    title = title.slice(0, closing).trim();
  }
  return title === '' ? null : { level, title };
}

/** The code fence `line` opens (up to 3 spaces, then 3+ backticks or tildes), or null. */
export function parseFenceOpen(line: string): Fence | null {
  const indent = indentOf(line);
  const char = line.charAt(indent);
  if (indent > 3 || (char !== '`' && char !== '~')) return null;
  const length = runLength(line, indent, char);
  if (length < 3) return null;
  // A backtick fence's info string cannot contain a backtick (that is inline code).
  if (char === '`' && line.includes('`', indent + length)) return null;
  return { char, length };
}

/** True when `line` closes `fence`: the same character, at least as many, nothing after. */
export function closesFence(line: string, fence: Fence): boolean {
  const indent = indentOf(line);
  if (indent > 3) return false;
  const length = runLength(line, indent, fence.char);
  return length >= fence.length && line.slice(indent + length).trim() === '';
}

/** True for a thematic break: 3 or more of one of `-`, `*`, `_`, with spaces allowed between. */
export function isThematicBreak(line: string): boolean {
  const marks = line.replace(/[ \t]/g, '');
  return marks.length >= 3 && /^(?:-+|\*+|_+)$/.test(marks);
}

/**
 * The heading level a setext underline gives the line above it (`===` → 1, `---` → 2), or null
 * when `line` is no underline.
 */
export function setextLevel(line: string): 1 | 2 | null {
  const trimmed = line.trim();
  if (indentOf(line) > 3 || trimmed === '') return null;
  if (/^=+$/.test(trimmed)) return 1;
  if (/^-+$/.test(trimmed)) return 2;
  return null;
}

/** True for a table's delimiter row (`| --- | :---: |`), which carries no text. */
export function isTableDelimiterRow(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.includes('|') && trimmed.includes('-') && /^[|:\- \t]+$/.test(trimmed);
}

/** True for a link reference definition (`[label]: https://…`); footnotes (`[^1]:`) are not. */
export function isLinkReferenceDefinition(line: string): boolean {
  return /^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S/.test(line);
}

/** True when `line` starts a list item or block quote, so it cannot be a setext heading's text. */
export function startsContainerBlock(line: string): boolean {
  return /^ {0,3}(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) || line.trimStart().startsWith('>');
}
