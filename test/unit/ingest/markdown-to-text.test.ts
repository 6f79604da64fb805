import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../src/ingest/text/markdown/markdown-to-text.js';
import { normalizeText } from '../../../src/ingest/text/normalize-text.js';
import { headingsOutsideCode } from './helpers.js';
import { ONBOARDING_MARKDOWN } from './samples.js';

const toText = (markdown: string) => normalizeText(markdownToText(markdown));

describe('markdownToText on a real guide', () => {
  const text = toText(ONBOARDING_MARKDOWN);

  it('keeps headings as # lines, rewriting setext ones', () => {
    expect(headingsOutsideCode(text)).toEqual([
      '# Onboarding Guide',
      '## Your first day',
      '### Setting up your machine',
      '## Useful links',
    ]);
  });

  it('replaces links and images by their text and drops emphasis markers', () => {
    expect(text).toContain(
      'Welcome to the platform team! ' +
        'This guide is living documentation: fix it when it is wrong.\n' +
        'See the architecture overview and the glossary.',
    );
    expect(text).toContain('Diagram of the deployment pipeline');
    expect(text).not.toContain('https://wiki.acme.example');
    expect(text).not.toContain('pipeline.png');
  });

  it('normalises bullets and keeps code spans as written', () => {
    expect(text).toContain(
      '- Collect your laptop from IT (ask for a `dev` profile).\n' +
        '- Join the `#platform` channel.\n' +
        '- Read the old new security policy.',
    );
  });

  it('keeps fenced code verbatim, fences included', () => {
    expect(text).toContain(
      '```bash\n# this comment is not a heading\n' +
        'curl -fsSL https://tools.acme.example/bootstrap.sh | bash -s -- --profile=dev\n' +
        'export ACME_ENV=**staging**\n```',
    );
  });

  it('leaves intraword underscores and asterisks alone and resolves escapes', () => {
    expect(text).toContain('values like `snake_case_name` are kept as written.');
    expect(text).toContain(
      'Compute budgets as 2*3*4 units, and escape a literal *star* like this.',
    );
  });

  it('drops comments, thematic breaks, table delimiter rows and reference definitions', () => {
    expect(text).not.toContain('TODO');
    expect(text).not.toContain('---');
    expect(text).not.toContain('[gloss]');
    expect(text).toContain(
      '| Service | Where |\n| CI      | https://ci.acme.example |\n| Docs    | docs |',
    );
  });
});

describe('markdownToText', () => {
  it.each([
    ['**bold** and __strong__', 'bold and strong'],
    ['*it* and _it_, ~~gone~~', 'it and it, gone'],
    ['***both*** here', 'both here'],
    ['**Note:** read this', 'Note: read this'],
    ['a **bold *and nested*** end', 'a bold and nested end'],
  ])('drops paired emphasis markers: %s', (input, expected) => {
    expect(toText(input)).toBe(expected);
  });

  it.each([
    'def f(*args, **kwargs): pass',
    'snake_case and __dunder__init',
    'an **unclosed marker',
    'price ~5 and ~10',
    '2 * 3 * 4',
    'rated ***** by users',
  ])('keeps markers that do not pair up: %s', (input) => {
    expect(toText(input)).toBe(input);
  });

  it('turns reference links, autolinks and nested-bracket links into their text', () => {
    expect(toText('[the [best] docs][ref], <https://a.example/x?y=1>, <hr@acme.example>')).toBe(
      'the [best] docs, https://a.example/x?y=1, hr@acme.example',
    );
  });

  it('keeps brackets that are not links', () => {
    expect(toText('- [ ] task\n- [x] done [sic] (aside)')).toBe(
      '- [ ] task\n- [x] done [sic] (aside)',
    );
  });

  it('keeps emphasis and link syntax inside code spans', () => {
    expect(toText('Use `a_b * [c](d)` or ``x ` y``')).toBe('Use `a_b * [c](d)` or ``x ` y``');
  });

  it('keeps HTML comments inside code fences and removes them elsewhere', () => {
    expect(toText('a<!-- x -->b\n\n~~~\n<!-- kept -->\n~~~\n<!-- gone\n-->c')).toBe(
      'ab\n\n~~~\n<!-- kept -->\n~~~\nc',
    );
  });

  it('treats everything after an unclosed fence as code', () => {
    expect(toText('```\n# not a heading\n**raw**')).toBe('```\n# not a heading\n**raw**');
  });

  it('drops thematic breaks of any of the three characters', () => {
    expect(toText('a\n\n***\n\n- - -\n\n_____\n\nb')).toBe('a\n\nb');
  });

  it('strips the closing sequence and emphasis from ATX headings', () => {
    expect(toText('## The **new** policy ##\n# C#')).toBe('## The new policy\n# C#');
  });

  it('reads --- under a one-line paragraph as a heading and under a longer one as a break', () => {
    expect(toText('Title\n---\n\nline one\nline two\n---\nafter')).toBe(
      '## Title\n\nline one\nline two\n\nafter',
    );
  });

  it('decodes entities outside code only', () => {
    expect(toText('Fish &amp; chips `&amp;`')).toBe('Fish & chips `&amp;`');
  });
});
