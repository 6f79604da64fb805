import { expect } from 'vitest';
import type { Chunk } from '../../../src/ingest/text/chunk-text.js';

/** A token counter for tests: one token per whitespace-separated word. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A token counter that makes every code point a token, so single words can exceed a budget. */
export function countCodePoints(text: string): number {
  return [...text].length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks what must hold for any chunking of `source`: ordinals in order, exact token counts within
 * the limit, text taken from the source (after the heading line at most), well-formed UTF-16, and
 * every non-blank character covered by some chunk except the heading lines of sections that have
 * no text of their own.
 */
export function expectChunkInvariants(
  source: string,
  chunks: readonly Chunk[],
  { maxTokens, count }: { maxTokens: number; count: (text: string) => number },
): void {
  const covered = new Uint8Array(source.length);
  chunks.forEach((chunk, index) => {
    expect(chunk.ordinal).toBe(index);
    expect(chunk.tokenCount).toBe(count(chunk.text));
    expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
    expect(chunk.text).not.toMatch(LONE_SURROGATE);
    const content = source.slice(chunk.startOffset, chunk.endOffset);
    expect(content.trim()).not.toBe('');
    if (chunk.text !== content) {
      const headingLine = chunk.text.slice(0, chunk.text.length - content.length - 2);
      expect(chunk.text).toBe(`${headingLine}\n\n${content}`);
      expect(headingLine).toMatch(/^#{1,6} /);
      expect(headingLine).toContain(chunk.headingPath.at(-1));
    }
    covered.fill(1, chunk.startOffset, chunk.endOffset);
  });
  const uncovered = source
    .split('')
    .map((char, i) => (covered[i] ? '\n' : char))
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const line of uncovered) expect(line).toMatch(/^#{1,6} /);
}

/** The `#` heading lines of cleaned text, leaving out fenced code blocks. */
export function headingsOutsideCode(text: string): string[] {
  return text
    .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line));
}
