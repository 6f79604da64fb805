import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { countTokens } from '../../../src/governance/token-budget.js';
import { chunkText } from '../../../src/ingest/text/chunk-text.js';
import { cleanText } from '../../../src/ingest/text/clean-text.js';
import { countCodePoints, countWords, expectChunkInvariants } from './helpers.js';
import { HANDBOOK_HTML, ONBOARDING_MARKDOWN } from './samples.js';

/** `count` sentences of eight words each, numbered from `from`, tagged to tell them apart. */
function sentences(tag: string, count: number, from = 0): string {
  return Array.from(
    { length: count },
    (_, i) => `${tag} rule ${from + i} applies to every employee here.`,
  ).join(' ');
}

describe('chunkText', () => {
  it('gives no chunks for empty or blank text', () => {
    expect(chunkText('', { countTokens: countWords })).toEqual([]);
    expect(chunkText(' \n\n\t \n', { countTokens: countWords })).toEqual([]);
  });

  it('keeps a short text in one chunk covering all of it', () => {
    const text = 'Offices open at nine.\n\nThey close at six.';
    expect(chunkText(text, { countTokens: countWords })).toEqual([
      { ordinal: 0, text, tokenCount: 8, headingPath: [], startOffset: 0, endOffset: text.length },
    ]);
  });

  it('never lets a chunk span two sections and starts each with its heading line', () => {
    const text = [
      '# Handbook',
      '## Leave',
      sentences('Leave', 3),
      '### Parental leave',
      `${sentences('Parental', 6)}\n\n${sentences('Parental', 6, 6)}`,
      '## Benefits',
      sentences('Benefit', 2),
    ].join('\n\n');
    const chunks = chunkText(text, { maxTokens: 40, overlapTokens: 10, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 40, count: countWords });
    expect(chunks.map((chunk) => chunk.headingPath.join(' > '))).toEqual([
      'Handbook > Leave',
      ...Array<string>(chunks.length - 2).fill('Handbook > Leave > Parental leave'),
      'Handbook > Benefits',
    ]);
    for (const chunk of chunks) {
      const tag = { Leave: 'Leave', 'Parental leave': 'Parental', Benefits: 'Benefit' }[
        chunk.headingPath.at(-1) ?? ''
      ];
      expect(chunk.text.startsWith(`${'#'.repeat(chunk.headingPath.length)} `)).toBe(true);
      expect(
        chunk.text.match(/\b(Leave|Parental|Benefit) rule/g)?.every((m) => m === `${tag} rule`),
      ).toBe(true);
    }
  });

  it('drops a heading with no text of its own when subsections follow, keeps it otherwise', () => {
    const chunks = chunkText('# Handbook\n\n## Leave\n\nPaid.\n\n## Archive', {
      countTokens: countWords,
    });
    expect(chunks.map((chunk) => [chunk.headingPath, chunk.text])).toEqual([
      [['Handbook', 'Leave'], '## Leave\n\nPaid.'],
      [['Handbook', 'Archive'], '## Archive'],
    ]);
  });

  it('packs whole paragraphs greedily up to the limit', () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => sentences(`P${i}`, 1));
    const text = paragraphs.join('\n\n');
    const chunks = chunkText(text, { maxTokens: 30, overlapTokens: 0, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 30, count: countWords });
    for (const chunk of chunks) {
      // Each chunk is a run of whole paragraphs...
      expect(paragraphs.some((p) => chunk.text.startsWith(p))).toBe(true);
      expect(paragraphs.some((p) => chunk.text.endsWith(p))).toBe(true);
    }
    // ...and only ends early when the next paragraph would not fit.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokenCount + 8).toBeGreaterThan(30);
    expect(chunks.slice(1).every((c, i) => c.startOffset >= (chunks[i]?.endOffset ?? 0))).toBe(
      true,
    );
  });

  it('splits a paragraph longer than the limit at sentences, not inside them', () => {
    const text = sentences('Long', 20);
    const chunks = chunkText(text, { maxTokens: 50, overlapTokens: 0, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 50, count: countWords });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.text).toMatch(/^Long rule \d+ .*here\.$/);
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(text);
  });

  it('splits a sentence longer than the limit at words', () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(text, { maxTokens: 30, overlapTokens: 0, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 30, count: countWords });
    expect(chunks.map((chunk) => chunk.tokenCount)).toEqual([30, 30, 30, 10]);
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(text);
  });

  it('cuts a word longer than the limit between code points', () => {
    // Emoji starting at odd offsets put surrogate pairs across every even cut position.
    const word = `x${'😀'.repeat(150)}${'ab'.repeat(40)}`;
    const text = `before ${word} after`;
    const chunks = chunkText(text, {
      maxTokens: 64,
      overlapTokens: 8,
      countTokens: countCodePoints,
    });
    expectChunkInvariants(text, chunks, { maxTokens: 64, count: countCodePoints });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((chunk) => chunk.text).join('')).toContain(word);
  });

  it('repeats about overlapTokens of whole sentences in the next chunk of a section', () => {
    const text = `## Travel\n\n${sentences('Travel', 30)}`;
    const chunks = chunkText(text, { maxTokens: 60, overlapTokens: 20, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 60, count: countWords });
    expect(chunks.length).toBeGreaterThan(3);
    chunks.slice(1).forEach((chunk, i) => {
      const previous = chunks[i];
      if (!previous) throw new Error('unreachable');
      const shared = text.slice(chunk.startOffset, previous.endOffset);
      expect(chunk.startOffset).toBeLessThan(previous.endOffset);
      expect(shared).toMatch(/^Travel rule \d+ .*here\.$/);
      expect(countWords(shared)).toBeGreaterThan(8);
      expect(countWords(shared)).toBeLessThanOrEqual(20);
    });
  });

  it('falls back to trailing words when no whole sentence fits in the overlap', () => {
    const text = Array.from(
      { length: 12 },
      (_, i) => `Wide rule ${i} applies to every employee in each of the offices.`,
    ).join(' ');
    const chunks = chunkText(text, { maxTokens: 30, overlapTokens: 5, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 30, count: countWords });
    expect(chunks.length).toBeGreaterThan(3);
    chunks.slice(1).forEach((chunk, i) => {
      const shared = text.slice(chunk.startOffset, chunks[i]?.endOffset);
      expect(shared).toBe('in each of the offices.');
    });
  });

  it('does not overlap chunks of different sections or when overlapTokens is 0', () => {
    const text = `## A\n\n${sentences('A', 10)}\n\n## B\n\n${sentences('B', 10)}`;
    for (const overlapTokens of [0, 15]) {
      const chunks = chunkText(text, { maxTokens: 40, overlapTokens, countTokens: countWords });
      expectChunkInvariants(text, chunks, { maxTokens: 40, count: countWords });
      chunks.slice(1).forEach((chunk, i) => {
        const previous = chunks[i];
        const sameSection = previous?.headingPath.join() === chunk.headingPath.join();
        const overlaps = chunk.startOffset < (previous?.endOffset ?? 0);
        expect(overlaps).toBe(sameSection && overlapTokens > 0);
      });
    }
  });

  it('chunks a heading too long to repeat as ordinary text', () => {
    const heading = `## ${'very '.repeat(30)}long heading`;
    const text = `${heading}\n\n${sentences('Body', 10)}`;
    const chunks = chunkText(text, { maxTokens: 40, overlapTokens: 0, countTokens: countWords });
    expectChunkInvariants(text, chunks, { maxTokens: 40, count: countWords });
    expect(chunks.filter((chunk) => chunk.text.startsWith('## '))).toHaveLength(1);
  });

  it.each([
    [{ maxTokens: 7 }, 'maxTokens'],
    [{ maxTokens: 100.5 }, 'maxTokens'],
    [{ maxTokens: 100, overlapTokens: 100 }, 'overlapTokens'],
    [{ overlapTokens: -1 }, 'overlapTokens'],
  ])('rejects %o', (options, option) => {
    try {
      chunkText('text', { ...options, countTokens: countWords });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'BAD_USER_INPUT')).toBe(true);
      expect(isAppError(error) && error.details).toMatchObject({ option });
    }
  });
});

describe('chunkText with the default token counter', () => {
  it.each([
    ['HTML page', cleanText({ html: HANDBOOK_HTML }).text],
    ['Markdown guide', cleanText({ markdown: ONBOARDING_MARKDOWN }).text],
  ])('chunks the %s within o200k token limits', (_, text) => {
    for (const maxTokens of [400, 40]) {
      const chunks = chunkText(text, { maxTokens, overlapTokens: 10 });
      expectChunkInvariants(text, chunks, { maxTokens, count: countTokens });
      expect(chunks.length).toBeGreaterThan(maxTokens === 400 ? 2 : 6);
    }
  });

  it('keeps code comments inside fences out of the heading paths', () => {
    const chunks = chunkText(cleanText({ markdown: ONBOARDING_MARKDOWN }).text);
    const paths = new Set(chunks.map((chunk) => chunk.headingPath.join(' > ')));
    expect([...paths]).toEqual([
      'Onboarding Guide',
      'Onboarding Guide > Your first day',
      'Onboarding Guide > Your first day > Setting up your machine',
      'Onboarding Guide > Useful links',
    ]);
  });
});
