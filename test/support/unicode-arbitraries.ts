import fc from 'fast-check';

/** Any code point, U+0000 to U+10FFFF, astral ones as surrogate pairs (no lone halves). */
const codePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** One half of a surrogate pair on its own: not well-formed UTF-16, yet a valid JS string. */
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

// Purely random code points hardly ever form markup, entities, headings or PII, so the text
// functions' interesting paths also get the characters and snippets they look for.
const SNIPPETS = [
  ...'\u0000\t\n\r #*_-=`~[]()<>&;!?/.,@:+|\\"\'0123456789aZ',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u00A0',
  '\u3000',
  '\uFEFF',
  '\u200D',
  '\u0301',
  '\u1100\u1161',
  'e\u0301',
  '😀',
  '👨‍👩‍👧',
  '🇫🇷',
  '𝐚',
  '中文',
  '&amp;',
  '&#128512;',
  '&#xD800;',
  '<p>',
  '</p>',
  '<h2>',
  '<pre>',
  '<script>',
  '<!--',
  '-->',
  '```',
  '# ',
  '\n\n',
  '[a](b)',
  'jane@example.com',
  '4111 1111 1111 1111',
  '+44 20 7946 0958',
  '192.0.2.1',
  '123-45-6789',
  'password=hunter2',
  '[EMAIL_1]',
];
const snippet = fc.constantFrom(...SNIPPETS);

/** A run of one unit, long enough to exceed the token counter's 32-unit slices. */
const run = fc
  .tuple(fc.oneof(codePoint, loneSurrogate, snippet), fc.integer({ min: 2, max: 40 }))
  .map(([unit, count]) => unit.repeat(count));

const unit = fc.oneof(
  { weight: 6, arbitrary: codePoint },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 4, arbitrary: snippet },
  { weight: 1, arbitrary: run },
);

// Characters that interact when adjacent (a letter, a control, a combining mark; the halves of
// a pair; markup), few enough that random strings over them put each next to each other.
const DENSE_ALPHABET = [
  ...'ae1#*_-`<>&;[]().@ \t\n\r\u0000\u0007\u00A0\uFEFF\u0301\u0327\u1100\u1161',
  '\uD83D',
  '\uDE00',
  '😀',
];
const denseUnit = fc.constantFrom(...DENSE_ALPHABET);

/**
 * Arbitrary JS strings over all of Unicode: any code point, lone surrogates, NUL and other
 * controls, combining marks, multi-code-point graphemes, markup and PII-like snippets and long
 * runs of one unit; half of them over a small alphabet of characters that interact when
 * adjacent. `maxUnits` (default 60) bounds the number of such units, not `.length`.
 */
export function fullUnicodeText(maxUnits = 60): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.string({ unit, maxLength: maxUnits, size: 'max' }) },
    { weight: 1, arbitrary: fc.string({ unit: denseUnit, maxLength: maxUnits, size: 'max' }) },
  );
}

/**
 * Runs of each property: enough to find edge cases, few enough to stay fast. Default 300; set
 * the `PROPERTY_RUNS` environment variable to search longer.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
