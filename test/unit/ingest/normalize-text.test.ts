import { describe, expect, it } from 'vitest';
import { normalizeText, toLineFeeds } from '../../../src/ingest/text/normalize-text.js';

describe('normalizeText', () => {
  it('turns CRLF, lone CR and Unicode line separators into line feeds', () => {
    expect(toLineFeeds('a\r\nb\rc\u2028d\u2029e\nf')).toBe('a\nb\nc\nd\ne\nf');
    expect(normalizeText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('composes to NFC, so decomposed and precomposed text come out identical', () => {
    const decomposed = 'Cafe\u0301 franc\u0327ais';
    expect(normalizeText(decomposed)).toBe('Café français');
    expect(normalizeText(decomposed)).toBe(normalizeText('Café français'));
  });

  it('removes control characters and the byte-order mark but keeps tabs and line feeds', () => {
    const input = '\uFEFFa\u0000b\u0007c\u001Bd\u007Fe\u0085f\tg\nh\u000Bi\u000Cj';
    expect(normalizeText(input)).toBe('abcdef\tg\nhij');
  });

  it('makes no-break and other Unicode spaces plain spaces', () => {
    expect(normalizeText('10\u00A0km, 5\u202Fkg, a\u3000b')).toBe('10 km, 5 kg, a b');
  });

  it('replaces lone surrogates, which cannot be stored as UTF-8, and keeps valid pairs', () => {
    expect(normalizeText('a\uD800b \uDC00c 😀')).toBe('a\uFFFDb \uFFFDc 😀');
  });

  it('trims trailing whitespace of every line and keeps indentation', () => {
    expect(normalizeText('  indented  \t\nnext \n')).toBe('  indented\nnext');
  });

  it('collapses runs of blank lines to one and drops blank lines at both ends', () => {
    expect(normalizeText('\n\n  \nfirst\n\n\n\n \t \nsecond\n\nthird\n\n\n')).toBe(
      'first\n\nsecond\n\nthird',
    );
  });

  it('is idempotent', () => {
    const messy = '\uFEFF Title \r\n\r\n\r\n\r\nBody\u00A0text\u0000 \n\n\n- item\t\n';
    const once = normalizeText(messy);
    expect(normalizeText(once)).toBe(once);
  });
});
