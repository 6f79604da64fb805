import { terms } from './text.js';

/** Scores how much of a question a unit of text (a sentence, a chunk) covers. */
export interface LexicalScorer {
  /** The question's distinct stemmed content terms. */
  readonly queryTerms: readonly string[];
  /**
   * Share of the question's idf weight that `unitTerms` contains, in [0, 1]. Rare terms (within
   * the scored units) weigh more; a question term found nowhere still counts in the total.
   * Terms found only in `contextTerms` (what the unit sits under) count `contextWeight` times.
   * @param contextWeight Default: 0.4.
   */
  coverage(
    unitTerms: ReadonlySet<string>,
    contextTerms?: ReadonlySet<string>,
    contextWeight?: number,
  ): number;
}

/** Builds a scorer whose idf weights come from `units` (each the term set of one unit). */
export function lexicalScorer(
  question: string,
  units: readonly ReadonlySet<string>[],
): LexicalScorer {
  const queryTerms = [...new Set(terms(question))];
  const n = Math.max(units.length, 1);
  const weight = new Map<string, number>();
  for (const term of queryTerms) {
    const df = units.reduce((count, unit) => count + (unit.has(term) ? 1 : 0), 0);
    weight.set(term, Math.log(1 + n / Math.max(df, 1)));
  }
  const total = [...weight.values()].reduce((sum, w) => sum + w, 0);
  return {
    queryTerms,
    coverage(unitTerms, contextTerms, contextWeight = 0.4) {
      if (total === 0) return 0;
      let covered = 0;
      for (const [term, w] of weight) {
        if (unitTerms.has(term)) covered += w;
        else if (contextTerms?.has(term)) covered += w * contextWeight;
      }
      return covered / total;
    },
  };
}

/** The term set of a text, as {@link lexicalScorer} expects. */
export function termSet(text: string): Set<string> {
  return new Set(terms(text));
}
