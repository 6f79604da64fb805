import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/ingest/text/html/decode-entities.js';
import { htmlToText } from '../../../src/ingest/text/html/html-to-text.js';
import { closesFence } from '../../../src/ingest/text/markdown/block-syntax.js';
import {
  markdownToText,
  stripHtmlComments,
} from '../../../src/ingest/text/markdown/markdown-to-text.js';
import { toLineFeeds } from '../../../src/ingest/text/normalize-text.js';
import { fullUnicodeText, PROPERTY_RUNS } from '../../support/unicode-arbitraries.js';

const options = { numRuns: PROPERTY_RUNS };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// What HTML collapses, per the HTML builder: inter-element whitespace and the no-break space.
const COLLAPSIBLE_SPACE = /[ \t\n\f\r\u00A0]+/g;

const plainWords = fc.string({
  unit: fc.constantFrom('a', 'b', 'Z', '1', ' '),
  minLength: 1,
  maxLength: 40,
});

describe('htmlToText on arbitrary Unicode', () => {
  it('converts any input without throwing', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (html) => {
        expect(typeof htmlToText(html)).toBe('string');
      }),
      options,
    );
  });

  it('keeps text without markup or entities, its whitespace collapsed', () => {
    const plain = fullUnicodeText().filter((text) => !/[<&]/.test(text));
    fc.assert(
      fc.property(plain, (text) => {
        const collapsed = text.replace(COLLAPSIBLE_SPACE, ' ');
        expect(htmlToText(text)).toBe(collapsed.replace(/^ | $/g, ''));
      }),
      options,
    );
  });

  it('drops scripts and comments whatever they hold', () => {
    // `<!-->` and `<!--->` are whole (empty) comments, as in browsers.
    const content = fullUnicodeText().filter(
      (text) => !/<\/script/i.test(text) && !text.includes('--') && !/^-?>/.test(text),
    );
    fc.assert(
      fc.property(content, (text) => {
        expect(htmlToText(`<script>${text}</script>`)).toBe('');
        expect(htmlToText(`<!--${text}-->`)).toBe('');
      }),
      options,
    );
  });
});

describe('decodeEntities on arbitrary Unicode', () => {
  it('leaves text without an ampersand as it is', () => {
    const plain = fullUnicodeText().filter((text) => !text.includes('&'));
    fc.assert(
      fc.property(plain, (text) => {
        expect(decodeEntities(text)).toBe(text);
      }),
      options,
    );
  });

  it('decodes every numeric reference to one well-formed code point', () => {
    const code = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0x110000, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(code, (value) => {
        for (const reference of [`&#${value};`, `&#x${value.toString(16)};`]) {
          const decoded = decodeEntities(reference);
          expect([...decoded]).toHaveLength(1);
          expect(decoded).not.toMatch(LONE_SURROGATE);
        }
      }),
      options,
    );
  });
});

describe('markdownToText on arbitrary Unicode', () => {
  it('converts any input without throwing', () => {
    fc.assert(
      fc.property(fullUnicodeText(), (markdown) => {
        expect(typeof markdownToText(markdown)).toBe('string');
      }),
      options,
    );
  });

  it('keeps fenced code verbatim, fences included', () => {
    const fence = { char: '`', length: 3 } as const;
    const code = fullUnicodeText().filter((text) =>
      toLineFeeds(text)
        .split('\n')
        .every((line) => !closesFence(line, fence)),
    );
    fc.assert(
      fc.property(code, (body) => {
        const block = `\`\`\`\n${body}\n\`\`\``;
        expect(markdownToText(block)).toBe(toLineFeeds(block));
      }),
      options,
    );
  });

  it('keeps an ATX heading as a `#` line', () => {
    const level = fc.integer({ min: 1, max: 6 });
    fc.assert(
      fc.property(level, plainWords, (depth, title) => {
        fc.pre(title.trim() !== '');
        const marks = '#'.repeat(depth);
        expect(markdownToText(`${marks} ${title}`)).toBe(`${marks} ${title.trim()}`);
      }),
      options,
    );
  });
});

describe('stripHtmlComments on arbitrary Unicode', () => {
  const noComment = fullUnicodeText().filter((text) => !text.includes('<!--'));

  it('leaves text without a comment as it is', () => {
    fc.assert(
      fc.property(noComment, (text) => {
        expect(stripHtmlComments(text)).toBe(text);
      }),
      options,
    );
  });

  it('removes a comment and keeps the text around it', () => {
    const inside = fullUnicodeText().filter((text) => !text.includes('-->'));
    fc.assert(
      fc.property(noComment, inside, fullUnicodeText(), (before, comment, after) => {
        expect(stripHtmlComments(`${before}<!--${comment}-->${after}`)).toBe(
          before + stripHtmlComments(after),
        );
      }),
      options,
    );
  });
});
