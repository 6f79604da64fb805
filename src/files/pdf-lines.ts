/** A piece of text placed on a PDF page (the part of PDF.js's `TextItem` that layout needs). */
export interface PlacedText {
  str: string;
  /** Left edge, in PDF units. */
  x: number;
  /** Baseline, in PDF units (grows upwards). */
  y: number;
  width: number;
  /** Font size, in PDF units. */
  height: number;
}

/** One line of a page: its text and its largest font size. */
export interface PageLine {
  text: string;
  size: number;
  /** True when a blank line (a paragraph break) comes before it. */
  paragraphStart: boolean;
}

// A baseline moved by more than this share of the font size starts a new line.
const SAME_LINE = 0.5;
// A horizontal gap wider than this many font sizes separates table cells (or columns).
const CELL_GAP = 1.5;
// A gap wider than this share of the font size between two words needs a space.
const WORD_GAP = 0.15;
// A line further below the previous one than this many font sizes starts a paragraph.
const PARAGRAPH_GAP = 1.8;

/**
 * Lays a page's text pieces out as lines, in content order: a piece whose baseline moves starts
 * a line; within a line, pieces far apart are table cells or columns and are joined by ` | `, so
 * a table reads as rows of cells; a large vertical gap marks a paragraph break.
 */
export function layoutLines(items: readonly PlacedText[]): PageLine[] {
  const lines: PageLine[] = [];
  let current: { parts: string[]; size: number; y: number; end: number; gap: boolean } | null =
    null;
  let previousY: number | null = null;
  const flush = () => {
    const text = current?.parts.join('').replace(/\s+/g, ' ').trim();
    if (current && text) lines.push({ text, size: current.size, paragraphStart: current.gap });
  };
  for (const item of items) {
    if (item.str.trim() === '') {
      if (current && item.str !== '') current.parts.push(' ');
      continue;
    }
    const size: number = item.height > 0 ? item.height : (current?.size ?? 1);
    if (!current || Math.abs(item.y - current.y) > size * SAME_LINE) {
      flush();
      const drop = previousY === null ? 0 : previousY - item.y;
      current = {
        parts: [],
        size,
        y: item.y,
        end: item.x,
        gap: previousY !== null && drop > size * PARAGRAPH_GAP,
      };
      previousY = item.y;
    } else {
      const gap = item.x - current.end;
      if (gap > size * CELL_GAP) current.parts.push(' | ');
      else if (gap > size * WORD_GAP) current.parts.push(' ');
    }
    current.parts.push(item.str);
    current.size = Math.max(current.size, size);
    current.end = item.x + item.width;
  }
  flush();
  return lines;
}
