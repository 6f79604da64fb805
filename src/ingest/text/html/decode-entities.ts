// The HTML 4 Latin-1 entities name U+00A0..U+00FF in code point order.
const LATIN_1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
  'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ' +
  'ucirc uuml yacute thorn yuml'
).split(' ');

// Greek letters from U+0391 and U+03B1; U+03A2 is unassigned, U+03C2 is final sigma.
const GREEK_NAMES =
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - ' +
  'Sigma Tau Upsilon Phi Chi Psi Omega';

// Other HTML 4 entities as `name=hex code point`.
const OTHER_ENTITIES = (
  'amp=26 lt=3c gt=3e quot=22 apos=27 OElig=152 oelig=153 Scaron=160 scaron=161 Yuml=178 ' +
  'fnof=192 circ=2c6 tilde=2dc ensp=2002 emsp=2003 thinsp=2009 zwnj=200c zwj=200d lrm=200e ' +
  'rlm=200f ndash=2013 mdash=2014 lsquo=2018 rsquo=2019 sbquo=201a ldquo=201c rdquo=201d ' +
  'bdquo=201e dagger=2020 Dagger=2021 bull=2022 hellip=2026 permil=2030 prime=2032 Prime=2033 ' +
  'lsaquo=2039 rsaquo=203a euro=20ac trade=2122 larr=2190 uarr=2191 rarr=2192 darr=2193 ' +
  'harr=2194 lArr=21d0 rArr=21d2 hArr=21d4 forall=2200 part=2202 exist=2203 empty=2205 ' +
  'nabla=2207 isin=2208 notin=2209 prod=220f sum=2211 minus=2212 radic=221a infin=221e ' +
  'and=2227 or=2228 cap=2229 cup=222a asymp=2248 ne=2260 equiv=2261 le=2264 ge=2265'
).split(' ');

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ...LATIN_1_NAMES.map((name, i) => [name, String.fromCodePoint(0xa0 + i)] as const),
  ...GREEK_NAMES.split(' ').flatMap((name, i) =>
    name === '-'
      ? [['sigmaf', '\u03c2'] as const]
      : [
          [name, String.fromCodePoint(0x391 + i)] as const,
          [name.toLowerCase(), String.fromCodePoint(0x3b1 + i)] as const,
        ],
  ),
  ...OTHER_ENTITIES.map((pair) => {
    const [name = '', hex = ''] = pair.split('=');
    return [name, String.fromCodePoint(Number.parseInt(hex, 16))] as const;
  }),
]);

// HTML maps numeric references to C1 controls as if they were Windows-1252 bytes (&#150; is –).
// Zeros mark the five bytes Windows-1252 leaves undefined; those stay as they are.
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0,
  0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0, 0x17e, 0x178,
];

// Each attempt starts at an `&` and its digits end at the next non-digit, so this is linear.
const ENTITY = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|([A-Za-z][A-Za-z\d]{0,31}));/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  const remapped = code >= 0x80 && code <= 0x9f ? WINDOWS_1252[code - 0x80] : 0;
  return String.fromCodePoint(remapped || code);
}

/**
 * `text` with HTML character references decoded: every `&#NNN;` and `&#xHH;` (invalid code
 * points become U+FFFD, C1 controls are read as Windows-1252 as browsers do) and the HTML 4
 * named entities (`&amp;`, `&nbsp;`, `&eacute;`, `&mdash;`, `&alpha;`…). The trailing `;` is
 * required; unknown names are left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (match, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      return NAMED_ENTITIES.get(name ?? '') ?? match;
    },
  );
}
