import type { ContextChunk } from '../types.js';
import { answerUnits, termPairs, type AnswerUnit } from './answer-units.js';
import { lexicalScorer } from './lexical-scorer.js';
import { asksForQuantity, hasQuantity } from './quantities.js';
import { terms } from './text.js';

/** What the local model says when the context does not support an answer. */
export const CANNOT_ANSWER_TEXT = 'I cannot answer this from the provided documents.';

/** An answer built only from pieces of the given chunks. */
export interface ExtractiveAnswer {
  text: string;
  /** Ids of the chunks the pieces came from, in answer order; always among the given ids. */
  citations: string[];
  /** False when nothing supported the question ({@link CANNOT_ANSWER_TEXT}). */
  grounded: boolean;
}

/** Options of {@link answerFromContext}. */
export interface ExtractiveOptions {
  /** Most units (sentences, list items, rows, lead-ins with their block) in an answer. Default: 3. */
  maxUnits?: number;
  /** Least score of the best unit for an answer at all, in [0, 1]. Default: 0.3. */
  minCoverage?: number;
  /** Least score of another unit, as a share of the best unit's, to be added. Default: 0.7. */
  related?: number;
}

/** An answer unit and how well it answers the question. */
export interface RankedUnit {
  unit: AnswerUnit;
  /** How much of the question the unit covers, in [0, 1] (its context counting less). */
  coverage: number;
  /**
   * What it is ranked by: coverage, plus bonuses for defining a term of the question, repeating
   * its adjacent term pairs, and having a number when the question asks for a quantity or time.
   */
  score: number;
}

/** Added to the score of a list item or row that defines a term of the question. */
const KEY_BONUS = 0.3;
/** Added, times the share of the question's adjacent term pairs a unit repeats. */
const PAIR_BONUS = 0.2;
/** Added when the question asks for a quantity or a time and the unit has a number or a day. */
const QUANTITY_BONUS = 0.1;

/**
 * Every distinct answer unit of `context` (see `answer-units.ts`), best first (ties in reading
 * order), scored by the idf-weighted share of the question's terms it contains (terms of its
 * heading or lead-in counting less) plus the bonuses of {@link RankedUnit.score}.
 */
export function rankUnits(question: string, context: readonly ContextChunk[]): RankedUnit[] {
  const units = answerUnits(context);
  const scorer = lexicalScorer(
    question,
    units.map((unit) => unit.own),
  );
  const questionPairs = [...termPairs(terms(question))];
  const wantsQuantity = asksForQuantity(question);
  const seen = new Set<string>();
  const ranked: RankedUnit[] = [];
  for (const unit of units) {
    if (seen.has(unit.text)) continue;
    seen.add(unit.text);
    const coverage = scorer.coverage(unit.own, unit.context);
    const defines = scorer.queryTerms.some((term) => unit.key.has(term));
    const pairs = questionPairs.filter((pair) => unit.pairs.has(pair)).length;
    const score =
      coverage +
      (defines ? KEY_BONUS : 0) +
      (questionPairs.length === 0 ? 0 : (PAIR_BONUS * pairs) / questionPairs.length) +
      (wantsQuantity && hasQuantity(unit.text) ? QUANTITY_BONUS : 0);
    ranked.push({ unit, coverage, score });
  }
  return ranked.sort((a, b) => b.score - a.score || a.unit.order - b.unit.order);
}

/**
 * The local chat model's answer: the best-ranked unit (see {@link rankUnits}) when it covers
 * at least `minCoverage` of the question, plus up to `maxUnits - 1` others of the same chunk
 * scoring nearly as well, in document order, lines intact. Cites only the chunk used.
 * Deterministic.
 */
export function answerFromContext(
  question: string,
  context: readonly ContextChunk[],
  options: ExtractiveOptions = {},
): ExtractiveAnswer {
  const maxUnits = options.maxUnits ?? 3;
  const minCoverage = options.minCoverage ?? 0.3;
  const related = options.related ?? 0.7;
  const ranked = rankUnits(question, context);
  const best = ranked[0];
  if (best === undefined || best.coverage < minCoverage) {
    return { text: CANNOT_ANSWER_TEXT, citations: [], grounded: false };
  }
  const chosen = [best.unit];
  const covered = new Set(best.unit.contains);
  for (const { unit, score } of ranked.slice(1)) {
    if (chosen.length >= maxUnits || score < best.score * related) break;
    if (unit.chunkId !== best.unit.chunkId || covered.has(unit.order)) continue;
    if (unit.contains.some((order) => chosen.some((c) => c.order === order))) continue;
    chosen.push(unit);
    for (const order of unit.contains) covered.add(order);
  }
  chosen.sort((a, b) => a.order - b.order);
  return { text: joinUnits(chosen), citations: [best.unit.chunkId], grounded: true };
}

/**
 * Sentences of one paragraph run on with a space; anything else starts a new line. A table's
 * header row is shown once, above its first row in the answer.
 */
function joinUnits(units: readonly AnswerUnit[]): string {
  return units
    .map((unit, i) => {
      const previous = units[i - 1];
      const sameBlock = previous?.block === unit.block;
      const text = unit.header === null || sameBlock ? unit.text : `${unit.header}\n${unit.text}`;
      if (previous === undefined) return text;
      return `${previous.prose && unit.prose && sameBlock ? ' ' : '\n'}${text}`;
    })
    .join('');
}
