import type { ContextChunk } from '../types.js';
import { lexicalScorer, termSet } from './lexical-scorer.js';
import { sentences } from './text.js';

/** What the local model says when the context does not support an answer. */
export const CANNOT_ANSWER_TEXT = 'I cannot answer this from the provided documents.';

/** An answer built only from sentences of the given chunks. */
export interface ExtractiveAnswer {
  text: string;
  /** Ids of the chunks the sentences came from, in answer order; always among the given ids. */
  citations: string[];
  /** False when no sentence supported the question ({@link CANNOT_ANSWER_TEXT}). */
  grounded: boolean;
}

/** Options of {@link answerFromContext}. */
export interface ExtractiveOptions {
  /** Most sentences in an answer. Default: 3. */
  maxSentences?: number;
  /** Least share of the question a sentence must cover to be used, in [0, 1]. Default: 0.3. */
  minCoverage?: number;
}

interface Candidate {
  chunkId: string;
  order: number;
  text: string;
  coverage: number;
}

/**
 * The local chat model's answer: splits the chunks into sentences, scores each by the idf-weighted
 * share of the question's terms it contains, and answers with the best one plus up to
 * `maxSentences - 1` others scoring at least half as well, in document order. Deterministic.
 */
export function answerFromContext(
  question: string,
  context: readonly ContextChunk[],
  options: ExtractiveOptions = {},
): ExtractiveAnswer {
  const maxSentences = options.maxSentences ?? 3;
  const minCoverage = options.minCoverage ?? 0.3;
  const units = context.flatMap((chunk) =>
    sentences(chunk.text).map((text) => ({ chunkId: chunk.id, text })),
  );
  const unitTerms = units.map((unit) => termSet(unit.text));
  const scorer = lexicalScorer(question, unitTerms);

  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  units.forEach((unit, order) => {
    const coverage = scorer.coverage(unitTerms[order] ?? new Set());
    if (coverage < minCoverage || seen.has(unit.text)) return;
    seen.add(unit.text);
    candidates.push({ ...unit, order, coverage });
  });
  candidates.sort((a, b) => b.coverage - a.coverage || a.order - b.order);
  const best = candidates[0];
  if (best === undefined) return { text: CANNOT_ANSWER_TEXT, citations: [], grounded: false };

  const chosen = candidates
    .filter((candidate) => candidate.coverage >= best.coverage / 2)
    .slice(0, maxSentences)
    .sort((a, b) => a.order - b.order);
  return {
    text: chosen.map((candidate) => candidate.text).join(' '),
    citations: [...new Set(chosen.map((candidate) => candidate.chunkId))],
    grounded: true,
  };
}
