import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { cleanText, DOCUMENT_FORMATS } from '../../../src/ingest/text/clean-text.js';
import { normalizeText, toLineFeeds } from '../../../src/ingest/text/normalize-text.js';
import { fullUnicodeText, PROPERTY_RUNS } from '../../support/unicode-arbitraries.js';

const options = { numRuns: PROPERTY_RUNS };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_BUT_TAB_OR_LINE_FEED = /(?![\t\n])\p{Cc}/u;
const SPACE_BUT_PLAIN = /(?! )\p{Zs}/u;

/** Checks every promise of {@link normalizeText} about its output. */
function expectNormalized(text: string): void {
  expect(text).not.toMatch(/[\r\u2028\u2029]/);
  expect(text).not.toMatch(LONE_SURROGATE);
  expect(text).toBe(text.normalize('NFC'));
  expect(text).not.toMatch(CONTROL_BUT_TAB_OR_LINE_FEED);
  expect(text).not.toContain('\uFEFF');
  expect(text).not.toMatch(SPACE_BUT_PLAIN);
  for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  expect(text).not.toContain('\n\n\n');
  expect(text.startsWith('\n')).toBe(false);
  expect(text).toBe(text.trimEnd());
}

describe('toLineFeeds on arbitrary Unicode', () => {
  it('leaves line feeds as the only line breaks, one for each break of the input', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        const converted = toLineFeeds(text);
        expect(converted).not.toMatch(/[\r\u2028\u2029]/);
        const breaks = text.match(/\r\n|[\r\n\u2028\u2029]/g)?.length ?? 0;
        expect(converted.split('\n').length - 1).toBe(breaks);
      }),
      options,
    );
  });
});

describe('normalizeText on arbitrary Unicode', () => {
  it('gives well-formed NFC text without controls, odd spaces or blank-line runs', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => expectNormalized(normalizeText(text))),
      options,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      options,
    );
  });
});

describe('cleanText on arbitrary Unicode', () => {
  const format = fc.constantFrom(...DOCUMENT_FORMATS);

  it('cleans any content of any format into normalised text', () => {
    fc.assert(
      fc.property(format, fullUnicodeText(), (given, content) => {
        const cleaned = cleanText({ [given]: content });
        expect(cleaned.format).toBe(given);
        expectNormalized(cleaned.text);
        expect(normalizeText(cleaned.text)).toBe(cleaned.text);
      }),
      options,
    );
  });

  it('cleans plain text by normalising it alone', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (text) => {
        expect(cleanText({ text }).text).toBe(normalizeText(text));
      }),
      options,
    );
  });

  it('refuses anything but exactly one format, null counting as absent', () => {
    const content = fc.option(fullUnicodeText(10), { nil: null });
    const input = fc.record(
      { text: content, html: content, markdown: content },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (given) => {
        const present = DOCUMENT_FORMATS.filter((key) => given[key] != null);
        fc.pre(present.length !== 1);
        let thrown: unknown;
        try {
          cleanText(given);
        } catch (error) {
          thrown = error;
        }
        expect(isAppError(thrown) && thrown.code).toBe('BAD_USER_INPUT');
      }),
      options,
    );
  });
});

describe('normalizeText on what the properties found', () => {
  it('composes a letter and its accent once a control character between them is gone', () => {
    expect(normalizeText('e\u0000\u0301')).toBe('\u00E9');
    expect(normalizeText('e\uFEFF\u0327')).toBe('\u0229');
    expect(normalizeText('\u1100\u0007\u1161')).toBe('\uAC00');
  });
});
