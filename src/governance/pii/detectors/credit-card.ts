import { passesLuhn } from '../checksums.js';
import { followsIdentifierLabel } from '../context.js';
import { scan } from '../scan.js';
import type { PiiDetector } from '../types.js';
import { cardBrand } from './card-brands.js';

// A run of digit groups joined by single spaces or dashes, not inside a word, a decimal or a
// longer digit run; which leading groups form the card is decided in code.
const DIGIT_GROUPS = /(?<![\w.,+-]|\d[ -])\d+(?:[ -]\d+)*/g;
const SEPARATOR = /[ -]/;
const WORD_CHAR = /\w/;

function isCardNumber(digits: string): boolean {
  return (
    digits.length >= 13 && digits.length <= 19 && cardBrand(digits) !== null && passesLuhn(digits)
  );
}

/**
 * The length in characters of the longest leading part of `groups` (as written, separators
 * included) that is a card number, or 0. Printed cards group 3–6 digits (`4-4-4-4`, Amex
 * `4-6-5`); an ungrouped card is one run of digits.
 */
function cardPrefixLength(groups: readonly string[]): number {
  const first = groups[0] ?? '';
  if (first.length >= 13) return isCardNumber(first) ? first.length : 0;
  let digits = '';
  let length = -1;
  let longest = 0;
  for (const group of groups) {
    if (group.length < 3 || group.length > 6 || digits.length + group.length > 19) break;
    digits += group;
    length += group.length + 1;
    if (isCardNumber(digits)) longest = length;
  }
  return longest;
}

/**
 * Payment card numbers: 13–19 digits, plain or grouped (`4111 1111 1111 1111`,
 * `3782-822463-10005`), in a known network's IIN range and passing the Luhn check. Digits that
 * follow a grouped card (an expiry, a CVV) are left out of it.
 */
export const creditCardDetector: PiiDetector = {
  type: 'CREDIT_CARD',
  find: (text) =>
    scan(text, DIGIT_GROUPS, (match) => {
      const end = match.index + cardPrefixLength(match[0].split(SEPARATOR));
      // Digits running straight into letters are part of a hash or an id.
      return end === match.index ||
        WORD_CHAR.test(text.charAt(end)) ||
        followsIdentifierLabel(text, match.index)
        ? null
        : { start: match.index, end };
    }),
};
