import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { cleanText } from '../../../src/ingest/text/clean-text.js';
import { HANDBOOK_HTML, ONBOARDING_MARKDOWN } from './samples.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('cleanText', () => {
  it.each([
    ['nothing', {}],
    ['only nulls', { text: null, html: null }],
    ['two formats', { text: 'a', markdown: 'b' }],
    ['all three', { text: 'a', html: '<p>b</p>', markdown: 'c' }],
  ])('rejects %s with BAD_USER_INPUT', (_, input) => {
    const error = thrown(() => cleanText(input));
    expect(isAppError(error, 'BAD_USER_INPUT')).toBe(true);
  });

  it('accepts one format next to nulls, and an empty document', () => {
    expect(cleanText({ text: null, markdown: '# Hi', html: null })).toEqual({
      text: '# Hi',
      format: 'markdown',
    });
    expect(cleanText({ text: '' })).toEqual({ text: '', format: 'text' });
  });

  it('normalises plain text without interpreting markup', () => {
    const { text, format } = cleanText({
      text: 'Ca\u0301fe\u0301 <b>**x**</b>\u0000 \r\n\r\n\r\n\r\nend  ',
    });
    expect(format).toBe('text');
    expect(text).toBe('Cáfé <b>**x**</b>\n\nend');
  });

  it('normalises the output of every converter the same way', () => {
    const html = cleanText({ html: '<p>e\u0301\u0007 &#8232;x</p>\r\n\r\n<p>y   </p>' }).text;
    const markdown = cleanText({ markdown: 'e\u0301\u0007\r\n\r\n\r\n\r\n\r\ny   ' }).text;
    expect(html).toBe('é\nx\n\ny');
    expect(markdown).toBe('é\n\ny');
  });

  it('cleans the sample HTML page and Markdown guide to text with headings', () => {
    const page = cleanText({ html: HANDBOOK_HTML });
    const guide = cleanText({ markdown: ONBOARDING_MARKDOWN });
    expect(page.format).toBe('html');
    expect(guide.format).toBe('markdown');
    expect(page.text.startsWith('# Employee Handbook 2024 edition\n\nWelcome to Acme Corp.')).toBe(
      true,
    );
    expect(guide.text.startsWith('# Onboarding Guide\n\nWelcome to the platform team!')).toBe(true);
    for (const { text } of [page, guide]) {
      expect(text).not.toMatch(/[ \t]$/m);
      expect(text).not.toMatch(/\n{3}/);
      expect(text).not.toMatch(/<[a-z]+[\s>]/);
    }
  });
});
