import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';

const fact = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const question = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    /** Corpus file name without `.md`; null when the corpus does not answer the question. */
    document: z.string().min(1).nullable(),
    /** Title of the heading the answer sits under; null with `document`. */
    section: z.string().min(1).nullable(),
    /** Every fact must appear in the answer; an array lists accepted wordings of one fact. */
    facts: z.array(fact),
  })
  .refine((q) => (q.document === null) === (q.section === null), {
    message: 'document and section are both given or both null',
  })
  .refine((q) => q.document !== null || q.facts.length === 0, {
    message: 'an unanswerable question expects no facts',
  });

/** One evaluation question with what a right answer contains and where it comes from. */
export type EvalQuestion = z.infer<typeof question>;

/** A corpus document: its title is its file name without `.md`. */
export interface CorpusDocument {
  title: string;
  markdown: string;
}

/** Where the committed questions live. */
export const QUESTIONS_URL = new URL('./questions.json', import.meta.url);
/** Where the committed corpus lives. */
export const CORPUS_URL = new URL('./corpus/', import.meta.url);

/**
 * The committed questions, checked against the corpus: each expected fact must occur in the
 * expected document, so a typo in the questions file cannot pass as a model's miss.
 * @throws {Error} naming the first malformed question.
 */
export function loadQuestions(
  corpus: readonly CorpusDocument[],
  url: URL = QUESTIONS_URL,
): EvalQuestion[] {
  const parsed = z.array(question).parse(JSON.parse(readFileSync(url, 'utf8')));
  for (const q of parsed) {
    if (q.document === null) continue;
    const source = corpus.find((doc) => doc.title === q.document);
    if (source === undefined) throw new Error(`${q.id}: no corpus document ${q.document}`);
    const lower = source.markdown.toLowerCase();
    if (!lower.includes(`# ${q.section!.toLowerCase()}\n`)) {
      throw new Error(`${q.id}: ${q.document} has no section "${q.section}"`);
    }
    for (const wordings of q.facts) {
      const options = typeof wordings === 'string' ? [wordings] : wordings;
      if (!options.some((option) => normalized(source.markdown).includes(normalized(option)))) {
        throw new Error(`${q.id}: fact ${JSON.stringify(wordings)} is not in ${q.document}`);
      }
    }
  }
  return parsed;
}

/** Lower-cased with every run of white space made one space, for matching facts. */
export function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ');
}

/** The corpus documents, in file name order. */
export function loadCorpus(url: URL = CORPUS_URL): CorpusDocument[] {
  return readdirSync(url)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      title: name.slice(0, -'.md'.length),
      markdown: readFileSync(new URL(name, url), 'utf8'),
    }));
}
