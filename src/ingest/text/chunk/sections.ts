import { closesFence, parseAtxHeading, parseFenceOpen } from '../markdown/block-syntax.js';
import type { Fence } from '../markdown/block-syntax.js';

/** A heading and the text up to the next heading of any level (or the text before the first). */
export interface Section {
  /** 1–6 for a heading's section, 0 for the text before the first heading. */
  level: number;
  /** Titles of this heading and the ones enclosing it, outermost first. */
  headingPath: string[];
  /** The heading line as written, or null before the first heading. */
  headingLine: string | null;
  /** Where the section starts: at its heading line, if it has one. */
  start: number;
  /** Where the text after the heading line starts. */
  bodyStart: number;
  end: number;
}

/**
 * Cuts `text` at every ATX heading (`#`…`######` lines) outside fenced code. The text before the
 * first heading is a section of level 0 when it is not blank.
 */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  const path: { level: number; title: string }[] = [];
  let current: Section = {
    level: 0,
    headingPath: [],
    headingLine: null,
    start: 0,
    bodyStart: 0,
    end: text.length,
  };
  let fence: Fence | null = null;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const nextLineStart = lineEnd + 1;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else {
      fence = parseFenceOpen(line);
      const heading = fence ? null : parseAtxHeading(line);
      if (heading) {
        current.end = lineStart;
        if (current.level > 0 || text.slice(0, lineStart).trim() !== '') sections.push(current);
        while ((path.at(-1)?.level ?? 0) >= heading.level) path.pop();
        path.push(heading);
        current = {
          level: heading.level,
          headingPath: path.map((entry) => entry.title),
          headingLine: line.trim(),
          start: lineStart,
          bodyStart: Math.min(nextLineStart, text.length),
          end: text.length,
        };
      }
    }
    lineStart = nextLineStart;
  }
  if (current.level > 0 || text.trim() !== '') sections.push(current);
  return sections;
}
