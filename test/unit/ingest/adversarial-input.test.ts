import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../src/ingest/text/chunk-text.js';
import { cleanText } from '../../../src/ingest/text/clean-text.js';
import { countCodePoints, countWords } from './helpers.js';

// Each input is built to trip a backtracking regex or a quadratic scan. A regression shows up as
// a test timing out; the assertions check that the output is still right.
const N = 200_000;

describe('cleaning adversarial input in linear time', () => {
  it('normalises long runs of trailing spaces, blank lines and control characters', () => {
    const text = `a${' '.repeat(N)}b${' '.repeat(N)}\n${'\n'.repeat(N)}c${'\u0000'.repeat(N)}`;
    expect(cleanText({ text }).text).toBe(`a${' '.repeat(N)}b\n\nc`);
  });

  it.each([
    ['lone <', '<'.repeat(N), '<'.repeat(N)],
    ['unclosed tags', '<a '.repeat(N / 4), ''],
    ['unclosed comments', '<!--'.repeat(N / 4), ''],
    ['unclosed attribute quotes', `<p title="${'x'.repeat(N)}`, ''],
    ['deep nesting', `${'<div><span>'.repeat(N / 10)}deep`, 'deep'],
    ['nested svg', `${'<svg>'.repeat(N / 5)}x${'</svg>'.repeat(N / 5)}after`, 'after'],
    ['an unclosed script', `<script>${'</scrip'.repeat(N / 7)}`, ''],
    ['entity look-alikes', '&#'.repeat(N / 2), '&#'.repeat(N / 2)],
    ['long numeric entities', `&#${'9'.repeat(N)};`, '\uFFFD'],
    ['semicolon-less entities', '&amp'.repeat(N / 4), '&amp'.repeat(N / 4)],
  ])('converts HTML with %s', (_, html, expected) => {
    expect(cleanText({ html }).text).toBe(expected);
  });

  it.each([
    ['open brackets', '['.repeat(N), '['.repeat(N)],
    ['unclosed links', '[a]('.repeat(N / 4), '[a]('.repeat(N / 4)],
    ['nested links', `${'['.repeat(N / 2)}x${'](u)'.repeat(N / 2)}`, 'x'],
    ['emphasis runs', '*a'.repeat(N / 2), '*a'.repeat(N / 2)],
    ['intraword underscores', 'x_'.repeat(N / 2), 'x_'.repeat(N / 2)],
    ['paired underscores', '_a_ '.repeat(N / 4), 'a '.repeat(N / 4).trimEnd()],
    ['lone <', `${'<'.repeat(N)}x>`, `${'<'.repeat(N)}x>`],
    ['hashes', '#'.repeat(N), '#'.repeat(N)],
    ['unclosed comments', '<!--'.repeat(N / 4), ''],
  ])('converts Markdown with %s', (_, markdown, expected) => {
    expect(cleanText({ markdown }).text).toBe(expected);
  });

  it('converts Markdown of a million lines', () => {
    expect(cleanText({ markdown: '- item\n'.repeat(5 * N) }).text).toBe(
      '- item\n'.repeat(5 * N).trimEnd(),
    );
  });

  it('pairs backtick runs of many lengths without rescanning', () => {
    const markdown = Array.from({ length: 4000 }, (_, i) => '`'.repeat((i % 200) + 1)).join('a');
    expect(cleanText({ markdown }).text).toBe(markdown);
  });
});

describe('chunking adversarial input in linear time', () => {
  it.each([
    ['punctuation', '.'.repeat(N)],
    ['terminators and spaces', '!? '.repeat(N / 3)],
    ['one enormous word', 'x'.repeat(N)],
    ['many tiny lines', 'a\n'.repeat(N / 2)],
    ['many blank lines between words', 'w\n \n'.repeat(N / 4)],
  ])('chunks %s within the limit, losing nothing', (_, text) => {
    const count = /\s/.test(text) ? countWords : countCodePoints;
    const chunks = chunkText(text, { maxTokens: 300, overlapTokens: 0, countTokens: count });
    expect(chunks.every((chunk) => chunk.tokenCount <= 300)).toBe(true);
    expect(
      chunks
        .map((chunk) => chunk.text)
        .join('')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
  });

  it('cuts a million-character word into 125,000 pieces', () => {
    const word = 'x'.repeat(5 * N);
    const chunks = chunkText(word, {
      maxTokens: 8,
      overlapTokens: 0,
      countTokens: countCodePoints,
    });
    expect(chunks).toHaveLength(word.length / 8);
    expect(chunks.every((chunk) => chunk.text === 'xxxxxxxx')).toBe(true);
  });

  it('handles a document of many tiny sections', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `## S${i}\nx`).join('\n');
    const chunks = chunkText(text, { countTokens: countWords });
    expect(chunks).toHaveLength(20_000);
    expect(chunks.at(-1)).toMatchObject({ headingPath: ['S19999'], text: '## S19999\nx' });
  });
});
