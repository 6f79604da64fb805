import { toLineFeeds } from '../normalize-text.js';
import {
  closesFence,
  isLinkReferenceDefinition,
  isTableDelimiterRow,
  isThematicBreak,
  parseAtxHeading,
  parseFenceOpen,
  setextLevel,
  startsContainerBlock,
} from './block-syntax.js';
import type { Fence } from './block-syntax.js';
import { renderInline } from './render-inline.js';

const BULLET = /^([ \t]*)[*+-][ \t]+/;

/**
 * Markdown normalised for indexing: HTML comments are removed; ATX headings are kept as
 * `# Title` lines and setext headings rewritten to them; bullets become `- `; links and images
 * become their text, emphasis markers are dropped where they pair up, escapes and entities are
 * resolved; thematic breaks, table delimiter rows and link reference definitions go. Fenced code
 * is kept verbatim, fences included, so headings are never read inside it. Linear time.
 */
export function markdownToText(markdown: string): string {
  const output: string[] = [];
  let prose: string[] = [];
  let fence: Fence | null = null;
  for (const line of toLineFeeds(markdown).split('\n')) {
    if (fence) {
      output.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = parseFenceOpen(line);
    if (fence) {
      renderProse(prose, output);
      output.push(line);
      prose = [];
    } else {
      prose.push(line);
    }
  }
  renderProse(prose, output);
  return output.join('\n');
}

// Appends rather than returns: spreading a few hundred thousand lines into push() overflows
// the stack.
function renderProse(lines: readonly string[], rendered: string[]): void {
  if (lines.length === 0) return;
  const uncommented = stripHtmlComments(lines.join('\n')).split('\n');
  for (let i = 0; i < uncommented.length; i++) {
    const line = uncommented[i] ?? '';
    const underline = setextLevel(uncommented[i + 1] ?? '');
    if (underline !== null && isSetextText(line, uncommented[i - 1])) {
      rendered.push(`${'#'.repeat(underline)} ${renderInline(line.trim())}`);
      i++;
      continue;
    }
    const output = renderProseLine(line);
    if (output !== null) rendered.push(output);
  }
}

// Only a one-line paragraph becomes a setext heading; under a longer paragraph `---` is read as
// a thematic break, so a wrapped paragraph's last line never turns into a heading.
function isSetextText(line: string, previous: string | undefined): boolean {
  return (
    line.trim() !== '' &&
    (previous === undefined || previous.trim() === '') &&
    parseAtxHeading(line) === null &&
    !startsContainerBlock(line) &&
    !isThematicBreak(line)
  );
}

/** The text of one prose line, or null to drop the line. */
function renderProseLine(line: string): string | null {
  if (isTableDelimiterRow(line) || isLinkReferenceDefinition(line)) return null;
  if (isThematicBreak(line)) return '';
  const heading = parseAtxHeading(line);
  if (heading) return `${'#'.repeat(heading.level)} ${renderInline(heading.title)}`;
  const bullet = BULLET.exec(line);
  if (bullet) return `${bullet[1] ?? ''}- ${renderInline(line.slice(bullet[0].length))}`;
  return renderInline(line);
}

/** `text` without `<!-- … -->` comments; an unclosed comment runs to the end. */
export function stripHtmlComments(text: string): string {
  let result = '';
  let pos = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', pos)) {
    result += text.slice(pos, open);
    const close = text.indexOf('-->', open + 4);
    pos = close === -1 ? text.length : close + 3;
  }
  return result + text.slice(pos);
}
