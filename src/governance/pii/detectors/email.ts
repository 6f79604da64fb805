import { precededBy, scan, wholeMatch } from '../scan.js';
import type { PiiDetector } from '../types.js';

// Starts only where a local part can start, so a long run without '@' is read once, not once
// per character; labels are validated in code rather than by nested quantifiers.
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TOP_LEVEL = /^[A-Za-z]{2,24}$/;
// `icon@2x.png` is an asset name, not an address.
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'avif']);
// `postgres://user:secret@db.example.com`: the part before '@' is a URL's credentials.
const URL_USERINFO = /:\/\/[^\s/@]*$/;

function isValidAddress(address: string): boolean {
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const topLevel = labels.at(-1) ?? '';
  return (
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    labels.every((label) => label.length <= 63 && LABEL.test(label)) &&
    TOP_LEVEL.test(topLevel) &&
    !FILE_EXTENSIONS.has(topLevel.toLowerCase())
  );
}

/** Email addresses (`name.surname+tag@mail.example.co.uk`), ASCII only. */
export const emailDetector: PiiDetector = {
  type: 'EMAIL',
  // Without an `@` the pattern cannot match: most text skips the scan.
  find: (text) =>
    !text.includes('@')
      ? []
      : scan(text, EMAIL, (match) =>
          isValidAddress(match[0]) && !precededBy(text, match.index, URL_USERINFO, 256)
            ? wholeMatch(match)
            : null,
        ),
};
