// Small, dependency-free text helpers shared by the local embedder and extractive answerer.
// `words` and `isStopword` feed the hashing embedder: changing them changes stored vectors.

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

const INFLECTIONS = ['ing', 'edly', 'ed', 'ly'];
const DOUBLED = /([^aeiouls])\1$/u;

/**
 * A light stemmer: strips a few English inflections and `-ment` so "retries", "retry" and
 * "retried", "change", "changes" and "changed", "deploy" and "deployments" meet. Deliberately
 * crude; it only has to be consistent between a question and its documents.
 */
export function stem(word: string): string {
  if (word.length <= 2 || !/\p{L}$/u.test(word)) return word;
  let stemmed = word;
  if (/[^aeiou]i(?:es|ed)$/u.test(stemmed)) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (/(?:ss|[sxz]|ch|sh)es$/u.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (/[^su]s$/u.test(stemmed)) stemmed = stemmed.slice(0, -1);
  for (const suffix of INFLECTIONS) {
    if (
      stemmed.endsWith(suffix) &&
      stemmed.length - suffix.length >= 2 &&
      !stemmed.endsWith('eed')
    ) {
      stemmed = stemmed.slice(0, -suffix.length);
      if (DOUBLED.test(stemmed)) stemmed = stemmed.slice(0, -1);
      break;
    }
  }
  if (stemmed.endsWith('ment') && stemmed.length - 4 >= 4) stemmed = stemmed.slice(0, -4);
  if (stemmed.endsWith('e') && stemmed.length > 2) stemmed = stemmed.slice(0, -1);
  return stemmed;
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

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits prose into sentences (Unicode sentence boundaries, `Intl.Segmenter`) and at blank lines;
 * white space inside a sentence becomes one space. Abbreviations may split wrongly; an
 * extractive answer tolerates that.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/u)
    .flatMap((paragraph) => [...SENTENCES.segment(paragraph.replace(/\s+/gu, ' '))])
    .map((sentence) => sentence.segment.trim())
    .filter((sentence) => sentence.length > 0);
}
