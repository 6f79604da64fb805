import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/ingest/text/html/decode-entities.js';

describe('decodeEntities', () => {
  it('decodes the common named entities', () => {
    expect(decodeEntities('Fish &amp; chips &lt;b&gt; &quot;x&quot; &apos;y&apos;')).toBe(
      'Fish & chips <b> "x" \'y\'',
    );
    expect(decodeEntities('&ldquo;Hi&rdquo; &mdash; &hellip; &euro;5 &copy; &trade; &rarr;')).toBe(
      '“Hi” — … €5 © ™ →',
    );
  });

  it('decodes the Latin-1 and Greek letters by name', () => {
    expect(decodeEntities('Gr&uuml;&szlig;e, cr&egrave;me br&ucirc;l&eacute;e, &Ntilde;')).toBe(
      'Grüße, crème brûlée, Ñ',
    );
    expect(decodeEntities('&nbsp;&yuml;&iexcl;')).toBe('\u00A0ÿ¡');
    expect(decodeEntities('&alpha;&beta;&Omega;&sigmaf;&pi;')).toBe('αβΩςπ');
  });

  it('decodes every decimal and hexadecimal reference', () => {
    expect(decodeEntities('&#65;&#x42;&#X43;&#128512;&#x1F600;&#0000097;')).toBe('ABC😀😀a');
  });

  it('reads references to C1 controls as Windows-1252, as browsers do', () => {
    expect(decodeEntities('&#150; &#147;q&#148; &#128;')).toBe('– “q” €');
  });

  it('turns references to no valid character into U+FFFD', () => {
    expect(decodeEntities('&#0;|&#xD800;|&#x110000;|&#99999999999;')).toBe(
      '\uFFFD|\uFFFD|\uFFFD|\uFFFD',
    );
  });

  it('leaves unknown names and references without a semicolon as written', () => {
    const text = '&bogus; AT&T ?a=1&copy=2 &amp &#65';
    expect(decodeEntities(text)).toBe(text);
  });
});
