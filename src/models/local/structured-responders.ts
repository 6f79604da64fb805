import type { ContextChunk, LocalTask } from '../types.js';
import type { Grade, Rewrite, StructuredAnswer } from '../structured/schemas.js';
import { answerFromContext } from './extractive-answerer.js';
import { lexicalScorer, termSet } from './lexical-scorer.js';
import { isStopword, words } from './text.js';

/** What a local responder sees of a request. */
export interface LocalResponderInput {
  question: string;
  context: readonly ContextChunk[];
}

/** Produces a task's structured value; the model still validates it with the caller's schema. */
export type LocalResponder = (input: LocalResponderInput) => unknown;

/** One responder per task the local model can answer with structured output. */
export type LocalResponders = Readonly<Record<LocalTask, LocalResponder>>;

/** Least share of the question a chunk must cover to be graded relevant. */
const RELEVANT_COVERAGE = 0.3;
/** Words added to a rewritten query from the best-matching chunks. */
const EXPANSION_TERMS = 3;

/** Grades by lexical overlap: a chunk is relevant when it covers enough of the question. */
export function gradeLocally({ question, context }: LocalResponderInput): Grade {
  const chunkTerms = context.map((chunk) => termSet(chunk.text));
  const scorer = lexicalScorer(question, chunkTerms);
  const scores = chunkTerms.map((chunk) => scorer.coverage(chunk));
  const relevantChunkIds = context
    .filter((_, i) => (scores[i] ?? 0) >= RELEVANT_COVERAGE)
    .map((c) => c.id);
  return { relevant: relevantChunkIds.length > 0, score: Math.max(0, ...scores), relevantChunkIds };
}

/**
 * Rewrites by keyword expansion: the question's content words, then the most frequent other
 * content words of the chunks that match the question at all (pseudo-relevance feedback).
 */
export function rewriteLocally({ question, context }: LocalResponderInput): Rewrite {
  const keywords = [...new Set(words(question).filter((word) => !isStopword(word)))];
  const scorer = lexicalScorer(question, []);
  const counts = new Map<string, number>();
  for (const chunk of context) {
    if (scorer.coverage(termSet(chunk.text)) === 0) continue;
    for (const word of words(chunk.text)) {
      if (isStopword(word) || keywords.includes(word) || word.length < 3) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const expansion = [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, EXPANSION_TERMS)
    .map(([word]) => word);
  const query = [...keywords, ...expansion].join(' ');
  return { query: query === '' ? question.trim() : query };
}

/** Answers extractively, citing the chunks used. */
export function answerLocally({ question, context }: LocalResponderInput): StructuredAnswer {
  const { text, citations, grounded } = answerFromContext(question, context);
  return { answer: text, citations, grounded };
}

/** The built-in responders: grade, rewrite and answer as above. */
export const DEFAULT_LOCAL_RESPONDERS: LocalResponders = Object.freeze({
  grade: gradeLocally,
  rewrite: rewriteLocally,
  answer: answerLocally,
});
