import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/ingest/text/html/html-to-text.js';
import { normalizeText } from '../../../src/ingest/text/normalize-text.js';
import { headingsOutsideCode } from './helpers.js';
import { HANDBOOK_HTML } from './samples.js';

const toText = (html: string) => normalizeText(htmlToText(html));

describe('htmlToText on a real page', () => {
  const text = toText(HANDBOOK_HTML);

  it('drops head, scripts, styles, noscript, svg, templates and comments', () => {
    for (const hidden of [
      'Acme Intranet',
      'dataLayer',
      'display: none',
      'googletagmanager',
      'Home icon',
      'template cell',
      'Tag Manager',
      '</p>',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('keeps the headings as Markdown lines of their level', () => {
    expect(headingsOutsideCode(text)).toEqual([
      '# Employee Handbook 2024 edition',
      '## Leave',
      '### Annual leave',
      '### Parental leave',
      '## Expenses',
    ]);
  });

  it('writes paragraphs with collapsed whitespace and decoded entities', () => {
    expect(text).toContain(
      'Welcome to Acme Corp. This handbook explains how we work, what we expect from each other, ' +
        'and what you can expect from us.',
    );
    expect(text).toContain(
      'All leave is requested in the HR portal at least two weeks in advance.',
    );
    expect(text).toContain('© 2024 Acme Corp. · Questions? Ask HR.');
  });

  it('drops navigation, nested or not: menus are chrome, not content', () => {
    for (const chrome of ['Intranet home', 'Benefits portal', 'Service desk']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('writes list items as bullets, nested ones indented, ordered ones numbered', () => {
    expect(text).toContain(
      '- Full-time employees receive 25 days per year.\n' +
        '- Part-time employees receive a pro-rata share:\n' +
        '  - 3 days a week → 15 days\n' +
        '  - 4 days a week → 20 days',
    );
    expect(text).toContain('1. Keep the receipt — photos are fine.\n2. Submit it within 30 days.');
  });

  it('puts each table row on a line with its cells joined', () => {
    expect(text).toContain('Tenure | Extra days\n5 years | 2\n10 years | 5');
  });

  it('keeps <br> as a line break and preformatted text verbatim inside a fence', () => {
    expect(text).toContain(
      'Parents receive 16 weeks of fully paid leave.\n' +
        'Leave can start up to 4 weeks before the due date.',
    );
    expect(text).toContain(
      '```\n# Submit from the command line\n' +
        'acme-expenses submit --receipt ./receipt.jpg   --amount 42.50\n```',
    );
  });

  it('separates blocks by exactly one blank line', () => {
    expect(text).toContain('in advance.\n\n### Annual leave\n\n- Full-time');
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe('htmlToText', () => {
  it('reads raw-text elements up to their own end tag only, case-insensitively', () => {
    expect(toText('<p>a</p><SCRIPT>x = "<p>b</p>";</SCRIPT ><p>c</p><style>p{}</style>')).toBe(
      'a\n\nc',
    );
  });

  it('drops nested skipped elements up to the matching end tag', () => {
    expect(toText('<svg><g><svg><text>x</text></svg><text>y</text></g></svg><p>after</p>')).toBe(
      'after',
    );
  });

  it('ends an unclosed head at the first body element, as browsers do', () => {
    expect(toText('<head><title>T</title><meta charset="utf-8"><p>Body text')).toBe('Body text');
  });

  it('keeps a < that starts no tag, and ignores > inside quoted attributes', () => {
    expect(toText('<p>if a < b and c<3</p><a title="x > y">link</a>')).toBe(
      'if a < b and c<3\n\nlink',
    );
  });

  it('drops the abrupt comments <!--> and <!--->, doctypes and processing instructions', () => {
    expect(toText('a<!-->b<!--->c<?xml version="1.0"?>d<!DOCTYPE html>e<!-- x -->f')).toBe(
      'abcdef',
    );
  });

  it('keeps CDATA text as written', () => {
    expect(toText('<p><![CDATA[x &amp; <y>]]></p>')).toBe('x &amp; <y>');
  });

  it('keeps a heading on one line and drops headings and bullets with no text', () => {
    expect(toText('<h2>Leave<br>policy</h2><h3> </h3><ul><li></li><li>one</li></ul>')).toBe(
      '## Leave policy\n\n- one',
    );
  });

  it('gives images their alt text and joins inline elements without adding spaces', () => {
    expect(toText('<p>Logo: <img src="l.png" alt="Acme &amp; Co">. Bold<b>er</b> text</p>')).toBe(
      'Logo: Acme & Co. Bolder text',
    );
  });

  it('puts divs on separate lines and paragraphs a blank line apart', () => {
    expect(toText('<div>one</div><div>two<p>three</p></div>four')).toBe(
      'one\ntwo\n\nthree\n\nfour',
    );
  });

  it('starts ordered lists at their start attribute', () => {
    expect(toText('<ol start="7"><li>seven</li><li>eight</li></ol>')).toBe('7. seven\n8. eight');
  });

  it('ignores the line feed right after <pre> and keeps the rest of its whitespace', () => {
    expect(toText('<pre>\n  a\n\n  b</pre>')).toBe('```\n  a\n\n  b\n```');
  });
});
