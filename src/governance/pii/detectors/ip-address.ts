import { followsDottedNumberLabel } from '../context.js';
import { scan, wholeMatch } from '../scan.js';
import type { PiiDetector, Span } from '../types.js';
import { isIpv4, isIpv6 } from './ip-syntax.js';

// Dotted quads not inside a longer dotted number (`1.3.6.1.4.1`) or a word (`v1.0.0.1`).
const IPV4 = /(?<![\w.-])\d{1,3}(?:\.\d{1,3}){3}(?![\w-]|\.\d)/g;
// Colon-separated hex groups, optionally ending in a dotted quad (`::ffff:192.0.2.1`); the
// syntax is checked in code, which is simpler and safer than one regex for every `::` form.
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}/g;
const ADDRESS_CONTINUES = /[\w:]/;

function* ipAddresses(text: string): Generator<Span> {
  // Each pattern needs its separator; most text has neither and skips the scans.
  if (text.includes('.'))
    yield* scan(text, IPV4, (match) =>
      isIpv4(match[0]) && !followsDottedNumberLabel(text, match.index) ? wholeMatch(match) : null,
    );
  if (text.includes(':'))
    yield* scan(text, IPV6, (match) => {
      const end = match.index + match[0].length;
      return isIpv6(match[0]) && !ADDRESS_CONTINUES.test(text.charAt(end))
        ? wholeMatch(match)
        : null;
    });
}

/**
 * IP addresses: IPv4 with octets 0–255 (not version or section numbers such as
 * `version 1.0.0.0`), and IPv6 in full, compressed (`2001:db8::1`, `::1`) and IPv4-mapped form.
 * Spans of the two kinds may overlap (`::ffff:192.0.2.1`); the longer one wins later.
 */
export const ipAddressDetector: PiiDetector = {
  type: 'IP_ADDRESS',
  find: ipAddresses,
};
