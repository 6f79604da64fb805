import { createHash } from 'node:crypto';

/**
 * The form two questions share when they ask the same thing in trivially different ways:
 * Unicode NFKC, lower case, whitespace collapsed, trailing punctuation dropped.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s?!.]+$/u, '');
}

/** The exact-match key of a question: sha256 hex of {@link normalizeQuestion}. */
export function questionHash(question: string): string {
  return createHash('sha256').update(normalizeQuestion(question), 'utf8').digest('hex');
}
