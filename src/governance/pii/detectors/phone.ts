import { followsIdentifierLabel } from '../context.js';
import { scan, wholeMatch } from '../scan.js';
import type { PiiDetector } from '../types.js';

// Three shapes, each needing separators a date, version or id does not have:
// - international: `+` country code, then either 7–14 digits (E.164) or 2–6 separated groups;
// - North American: `(555) 123-4567`, `555-123-4567`, `1 800 555 0199` (one separator kind);
// - trunk-prefixed national: `020 7946 0958`, `01 23 45 67 89`, `(02) 9876 5432`.
// Not after a word, `#`, `/`, `.` or another digit group (so never inside an id, date or
// longer number), and not followed by a word or `-7`/`.8`-style continuation.
const PHONE = new RegExp(
  String.raw`(?<![\w#/.@+-]|\d[ .-])(?:` +
    String.raw`(?<intl>\+[1-9]\d{6,14}(?!\d)|\+[1-9]\d{0,2}(?:(?:[ .-]|(?<=\)))(?:\(\d{1,4}\)|\d{1,10})){2,6})` +
    String.raw`|(?<nanp>(?:1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|(?:1[ .-])?\d{3}(?<sep>[ .-])\d{3}\k<sep>\d{4})` +
    String.raw`|(?<trunk>(?:0\d{0,4}|\(0\d{1,4}\))(?:[ .-]\d{2,8}){1,4})` +
    String.raw`)(?![\w@]|[.,/:-]\d)`,
  'g',
);

// `250-500-1000 ms`: a number followed by a unit is a measurement, never a phone number.
const UNIT_AFTER = /^\s?(?:ms|s|sec|min|h|kb|mb|gb|tb|px|kg|g|km|m|cm|mm|usd|eur|gbp|%)\b/i;

const INTERNATIONAL_PREFIX = /^00[1-9]/;
// Space-grouped digits that go on after the match (`<Buffer 08 00 00 00 00 00 …>`, a table row)
// are one longer number, not a phone number followed by another.
const SPACED_DIGITS_GO_ON = /^ \d/;

function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}

function isNorthAmerican(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const local = digits.length === 11 ? digits.slice(1) : digits;
  // Area codes never start with 0 or 1; that also keeps `123-456-7890`-style ids out.
  return local.length === 10 && local.charCodeAt(0) >= 50;
}

/** True when the matched shape has as many digits as a real number of its kind. */
function isDialable(shape: Partial<Record<string, string>>): boolean {
  const { intl, nanp, trunk } = shape;
  if (intl !== undefined) {
    const digits = digitCount(intl.replace('(0)', ''));
    return digits >= 8 && digits <= 15;
  }
  if (nanp !== undefined) return isNorthAmerican(nanp);
  if (trunk === undefined) return false;
  const digits = digitCount(trunk);
  if (!trunk.startsWith('00')) return digits >= 10 && digits <= 11;
  // `00` is the international call prefix: `0049 30 901820` is `+49 30 901820`.
  return INTERNATIONAL_PREFIX.test(trunk) && digits >= 10 && digits <= 17;
}

/**
 * Phone numbers: international (`+44 20 7946 0958`, `+14155552671`, `0049 30 901820`), North
 * American (`(555) 123-4567`) and trunk-prefixed national formats (`020 7946 0958`,
 * `(02) 9876 5432`, `0 800 123 456`).
 */
export const phoneDetector: PiiDetector = {
  type: 'PHONE',
  find: (text) =>
    scan(text, PHONE, (match) => {
      const span = wholeMatch(match);
      const after = text.slice(span.end, span.end + 5);
      const goesOn = match[0].includes(' ') && SPACED_DIGITS_GO_ON.test(after);
      const plausible =
        !goesOn && !UNIT_AFTER.test(after) && !followsIdentifierLabel(text, span.start);
      return plausible && isDialable(match.groups ?? {}) ? span : null;
    }),
};
