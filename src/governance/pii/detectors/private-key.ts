import type { PiiDetector, Span } from '../types.js';

const BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?)-----/g;
// A key cut off before its END line (a truncated log line): its base64 body, line by line or
// flattened to spaces by text cleaning.
const BODY_LINES = /(?:\s+[A-Za-z0-9+/=]{16,})*/y;

function* privateKeys(text: string): Generator<Span> {
  const begin = new RegExp(BEGIN);
  // Where each label's END line was last found (-1: none left), so many BEGIN lines without
  // an END cost one search, not one each.
  const endAt = new Map<string, number>();
  let match: RegExpExecArray | null;
  while ((match = begin.exec(text)) !== null) {
    const endLine = `-----END ${match[1] ?? ''}-----`;
    let endIndex = endAt.get(endLine);
    if (endIndex === undefined || (endIndex !== -1 && endIndex < begin.lastIndex)) {
      endIndex = text.indexOf(endLine, begin.lastIndex);
      endAt.set(endLine, endIndex);
    }
    let end = endIndex + endLine.length;
    if (endIndex === -1) {
      BODY_LINES.lastIndex = begin.lastIndex;
      BODY_LINES.exec(text);
      end = BODY_LINES.lastIndex;
    }
    // A BEGIN line alone ("never paste -----BEGIN PRIVATE KEY----- blocks") holds no key.
    if (end > begin.lastIndex) yield { start: match.index, end };
    begin.lastIndex = Math.max(end, begin.lastIndex);
  }
}

/**
 * PEM private keys (`-----BEGIN [RSA|EC|OPENSSH|ENCRYPTED|PGP …] PRIVATE KEY-----` through its
 * END line), whole; a key without an END line is covered through its base64 body, and a BEGIN
 * line without either is not a key. Public keys and certificates are not secrets.
 */
export const privateKeyDetector: PiiDetector = {
  type: 'PRIVATE_KEY',
  find: privateKeys,
};
