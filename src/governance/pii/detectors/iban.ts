import { ibanRemainder } from '../checksums.js';
import { scan } from '../scan.js';
import type { PiiDetector } from '../types.js';
import { IBAN_LENGTHS } from './iban-lengths.js';

// Only the start is matched (country code and check digits at a token start); the rest is
// read in code for exactly the country's length, so a following BIC or word never joins it.
const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}/g;
const BBAN_CHAR = /[A-Z0-9]/;
const ALPHANUMERIC = /[A-Za-z0-9]/;

/**
 * The end of an IBAN of `length` characters starting at `start`, written compact or with
 * single spaces between characters, or -1 when the text does not hold one.
 */
function ibanEnd(text: string, start: number, length: number): number {
  let taken = 0;
  let end = start;
  while (taken < length) {
    const char = text.charAt(end);
    if (char === ' ' && taken >= 4 && BBAN_CHAR.test(text.charAt(end + 1))) {
      end++;
      continue;
    }
    if (!BBAN_CHAR.test(char)) return -1;
    taken++;
    end++;
  }
  return ALPHANUMERIC.test(text.charAt(end)) ? -1 : end;
}

/**
 * IBANs, compact (`DE89370400440532013000`) or in groups (`DE89 3704 0044 0532 0130 00`):
 * a registered country code, that country's length, and the ISO 13616 mod-97 check.
 */
export const ibanDetector: PiiDetector = {
  type: 'IBAN',
  find: (text) =>
    scan(text, IBAN_START, (match) => {
      const length = IBAN_LENGTHS[match[0].slice(0, 2)];
      const end = length === undefined ? -1 : ibanEnd(text, match.index, length);
      if (end === -1) return null;
      const compact = text.slice(match.index, end).replaceAll(' ', '');
      return ibanRemainder(compact) === 1 ? { start: match.index, end, resumeAt: end } : null;
    }),
};
