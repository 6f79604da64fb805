import { createHash } from 'node:crypto';

/**
 * The SHA-256 hex digest of `text` in Unicode NFC, encoded as UTF-8: the identity of a
 * document's or a chunk's content, so canonically equivalent texts hash alike.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}
