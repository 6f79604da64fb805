import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../../src/governance/token-budget.js';
import { chunkText, MIN_MAX_TOKENS } from '../../../src/ingest/text/chunk-text.js';
import type { Chunk, CountTokens } from '../../../src/ingest/text/chunk-text.js';
import { cleanText } from '../../../src/ingest/text/clean-text.js';
import { parseFenceOpen } from '../../../src/ingest/text/markdown/block-syntax.js';
import { fullUnicodeText, PROPERTY_RUNS } from '../../support/unicode-arbitraries.js';
import { countCodePoints, countWords, expectChunkInvariants } from './helpers.js';

const options = { numRuns: PROPERTY_RUNS };

/** Valid chunking settings with one of the counters, small enough to split short texts. */
const settings = fc
  .record({
    maxTokens: fc.integer({ min: MIN_MAX_TOKENS, max: 48 }),
    overlapShare: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    counter: fc.constantFrom<[string, CountTokens]>(
      ['o200k_base', countTokens],
      ['code points', countCodePoints],
      ['words', countWords],
    ),
  })
  .map(({ maxTokens, overlapShare, counter: [name, count] }) => ({
    name,
    maxTokens,
    overlapTokens: Math.floor(overlapShare * maxTokens),
    countTokens: count,
  }));

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when cutting `text` at `index` would separate the halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

/** What must hold for the chunks of any text, well-formed or not. */
function expectChunksOfAnyText(source: string, chunks: readonly Chunk[], maxTokens: number): void {
  chunks.forEach((chunk, index) => {
    expect(chunk.ordinal).toBe(index);
    expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
    expect(chunk.text.trim()).not.toBe('');
    expect(chunk.startOffset).toBeGreaterThanOrEqual(0);
    expect(chunk.endOffset).toBeLessThanOrEqual(source.length);
    expect(chunk.text.endsWith(source.slice(chunk.startOffset, chunk.endOffset))).toBe(true);
    expect(splitsPair(source, chunk.startOffset) || splitsPair(source, chunk.endOffset)).toBe(
      false,
    );
    const previous = chunks[index - 1];
    if (previous) {
      expect(chunk.startOffset).toBeGreaterThanOrEqual(previous.startOffset);
      expect(chunk.endOffset).toBeGreaterThan(previous.endOffset);
    }
  });
}

describe('chunkText on arbitrary Unicode', () => {
  it('chunks any text, in order, within the limit, never splitting a character', () => {
    fc.assert(
      fc.property(fullUnicodeText(), settings, (text, chosen) => {
        expectChunksOfAnyText(text, chunkText(text, chosen), chosen.maxTokens);
      }),
      options,
    );
  });

  it('gives no chunks for blank text', () => {
    const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00A0', '\u3000') });
    fc.assert(
      fc.property(blank, settings, (text, chosen) => {
        expect(chunkText(text, chosen)).toEqual([]);
      }),
      options,
    );
  });

  it('covers every non-blank character of cleaned text with exactly counted chunks', () => {
    fc.assert(
      fc.property(fullUnicodeText(), settings, (content, chosen) => {
        const { text } = cleanText({ markdown: content });
        const count = chosen.countTokens;
        expectChunkInvariants(text, chunkText(text, chosen), {
          maxTokens: chosen.maxTokens,
          count,
        });
      }),
      options,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fullUnicodeText(), settings, (text, chosen) => {
        expect(chunkText(text, chosen)).toEqual(chunkText(text, chosen));
      }),
      options,
    );
  });

  it("chunks a top-level section from that section's text alone", () => {
    const before = fullUnicodeText().filter((text) =>
      text.split('\n').every((line) => parseFenceOpen(line) === null),
    );
    const title = fc.string({ unit: fc.constantFrom('a', 'b', '😀'), minLength: 1 });
    fc.assert(
      fc.property(before, title, fullUnicodeText(), settings, (head, name, body, chosen) => {
        const section = `# ${name}\n${body}`;
        const offset = head.length + 1;
        const alone = chunkText(section, chosen).map((chunk) => ({
          ...chunk,
          startOffset: chunk.startOffset + offset,
          endOffset: chunk.endOffset + offset,
        }));
        const inDocument = chunkText(`${head}\n${section}`, chosen).filter(
          (chunk) => chunk.startOffset >= offset,
        );
        const withoutOrdinal = ({ ordinal: _, ...chunk }: Chunk) => chunk;
        expect(inDocument.map(withoutOrdinal)).toEqual(alone.map(withoutOrdinal));
      }),
      options,
    );
  });
});
