/** One block of a chunk's text, as the ingest pipeline leaves Markdown (see `clean-text.ts`). */
export type Block =
  | { kind: 'heading'; level: number; title: string }
  | { kind: 'paragraph'; text: string }
  /** `items`: each item's lines joined, marker kept (`- `, `1. `). */
  | { kind: 'list'; items: string[] }
  /** `text`: the block verbatim, fences included. */
  | { kind: 'code'; text: string }
  /** `header`: the first row when the table has more than one; rows verbatim. */
  | { kind: 'table'; header: string | null; rows: string[] };

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/u;
const ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/u;
const TABLE_ROW = /^[ \t]*\|/u;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/u;

/**
 * Splits a chunk's text into headings, paragraphs, lists, fenced code and tables. Lines of a
 * paragraph or a list item are joined with one space; code keeps its lines. A fence left open
 * (a chunk may end inside code) runs to the end of the text. Linear in the text's length.
 */
export function markdownBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line)?.[1];
    const heading = HEADING.exec(line);
    if (fence !== undefined) {
      let end = i + 1;
      while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
      blocks.push({ kind: 'code', text: lines.slice(i, end + 1).join('\n') });
      i = end + 1;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, title: heading[2]!.trim() });
      i++;
    } else if (TABLE_ROW.test(line)) {
      const rows: string[] = [];
      for (; i < lines.length && TABLE_ROW.test(lines[i] ?? ''); i++) {
        if (!TABLE_DELIMITER.test(lines[i] ?? '')) rows.push((lines[i] ?? '').trim());
      }
      const header = rows.length > 1 ? rows.shift()! : null;
      blocks.push({ kind: 'table', header, rows });
    } else if (ITEM.test(line)) {
      const items: string[] = [];
      while (i < lines.length && ITEM.test(lines[i] ?? '')) {
        let item = (lines[i] ?? '').trim();
        for (i++; i < lines.length && continues(lines[i] ?? ''); i++) {
          item += ` ${(lines[i] ?? '').trim()}`;
        }
        items.push(item);
        // A loose list: items separated by blank lines are still one list.
        let next = i;
        while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
        if (ITEM.test(lines[next] ?? '')) i = next;
      }
      blocks.push({ kind: 'list', items });
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length && continues(lines[i] ?? ''); i++) paragraph.push(lines[i]!.trim());
      blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    }
  }
  return blocks;
}

/** Whether a line goes on the paragraph or list item before it. */
function continues(line: string): boolean {
  return (
    line.trim() !== '' &&
    !ITEM.test(line) &&
    !HEADING.test(line) &&
    !FENCE.test(line) &&
    !TABLE_ROW.test(line)
  );
}
