// Small, dependency-free text helpers shared by the local embedder and extractive answerer.

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in ' +
    'into is it its me my no not of on or our so than that the their them then there these they ' +
    'this those to was we were what when where which who whom why will with would you your about ' +
    'after all also any before between both each more most other over same should some such only ' +
    'own very just up down out off again further once here many much'
  ).split(' '),
);

/** Lower-cased words (letters and digits, Unicode-aware), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A light stemmer: strips a few English inflections so "retries", "retry" and "retried" meet.
 * Deliberately crude; it only has to be consistent between a question and its documents.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'edly', 'ed', 'ly', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith('ss')) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** True for function words that carry no topic ("the", "of", …). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Stemmed content words of `text` (stopwords dropped), in order, with repeats. */
export function terms(text: string): string[] {
  return words(text)
    .filter((word) => !isStopword(word))
    .map(stem);
}

/**
 * Splits prose into sentences at `.`, `!`, `?` followed by white space, and at blank lines.
 * Abbreviations may split wrongly; an extractive answer tolerates that.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n/u)
    .map((sentence) => sentence.replace(/\s+/gu, ' ').trim())
    .filter((sentence) => sentence.length > 0);
}
