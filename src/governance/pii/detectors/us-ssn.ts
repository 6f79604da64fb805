import { followsIdentifierLabel } from '../context.js';
import { precededBy, scan, wholeMatch } from '../scan.js';
import type { PiiDetector } from '../types.js';

// `123-45-6789` or `123 45 6789` (one separator kind), or nine bare digits; never inside a
// word, a longer number or a dotted/slashed value.
const SSN =
  /(?<![\w#./+-]|\d[ -])(?:\d{3}(?<separator>[- ])\d{2}\k<separator>\d{4}|\d{9})(?![\w@]|[-./:]?\d)/g;
// Nine bare digits are an SSN only when the text says so.
const SSN_LABEL =
  /\b(?:ssn|ss#|social security(?:\s+(?:number|no\.?|#))?)["']?\s*(?:is|was)?\s*[:#=]?\s*["']?\s*$/i;
// Numbers the Social Security Administration never issues or has voided after misuse.
const VOIDED = new Set(['078051120', '219099999']);

function isIssuable(digits: string): boolean {
  const area = digits.slice(0, 3);
  return (
    area !== '000' &&
    area !== '666' &&
    !area.startsWith('9') &&
    digits.slice(3, 5) !== '00' &&
    digits.slice(5) !== '0000' &&
    !VOIDED.has(digits)
  );
}

/**
 * US Social Security numbers: `123-45-6789`, `123 45 6789`, or nine bare digits after an
 * "SSN" label; never area 000, 666 or 9xx, group 00 or serial 0000.
 */
export const usSsnDetector: PiiDetector = {
  type: 'US_SSN',
  find: (text) =>
    scan(text, SSN, (match) => {
      const digits = match[0].replace(/\D/g, '');
      const bare = match.groups?.['separator'] === undefined;
      const labelled = bare ? precededBy(text, match.index, SSN_LABEL) : true;
      return labelled && isIssuable(digits) && !followsIdentifierLabel(text, match.index)
        ? wholeMatch(match)
        : null;
    }),
};
