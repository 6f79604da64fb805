import { describe, expect, it } from 'vitest';
import { pagesOfSpan } from '../../../src/ingest/chunk-pages.js';
import { chunkDocument } from '../../../src/ingest/plan-document.js';
import { prepareFilePages } from '../../../src/ingest/prepare-document.js';

describe('pagesOfSpan', () => {
  const starts = [0, 10, 10, 25];
  it('names every non-empty page a span overlaps, 1-based', () => {
    expect(pagesOfSpan(0, 5, starts, 40)).toEqual([1]);
    expect(pagesOfSpan(8, 12, starts, 40)).toEqual([1, 3]);
    expect(pagesOfSpan(26, 40, starts, 40)).toEqual([4]);
    expect(pagesOfSpan(0, 40, [], 40)).toEqual([]);
  });
});

describe('prepareFilePages and chunkDocument', () => {
  it('redacts every page with one numbering and gives each chunk its pages', () => {
    const prepared = prepareFilePages([
      '# Intro\nWrite to ann@example.com.',
      '',
      'Page three text. Again ann@example.com.',
    ]);
    expect(prepared.text).not.toContain('ann@example.com');
    expect(prepared.text.match(/\[EMAIL_1\]/g)).toHaveLength(2);
    expect(prepared.piiCounts).toEqual({ EMAIL: 2 });
    expect(prepared.pageStarts).toHaveLength(3);
    const chunks = chunkDocument(prepared.text, prepared.pageStarts);
    expect(chunks.map((c) => c.pages)).toEqual([[1, 3]]);
    const small = chunkDocument('a '.repeat(900) + '\n\n' + 'b '.repeat(900), [0, 1802]);
    expect(small[0]!.pages).toEqual([1]);
    expect(small.at(-1)!.pages).toEqual([2]);
  });

  it('refuses a document whose pages hold no text', () => {
    expect(() => prepareFilePages(['', '  '])).toThrow(/no text/);
  });
});
