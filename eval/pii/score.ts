import { PII_TYPES, detectPii, type PiiMatch, type PiiType } from '../../src/governance/pii.js';
import type { EvalCase } from './cases.js';

/** The targets of issue 4, per entity type. */
export const TARGETS = { recall: 0.98, precision: 0.95 } as const;

/** Entity-level counts and rates for one type, or for all types together. */
export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was detected (nothing claimed wrongly). */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}

/** One disagreement between the labels and the detector. */
export interface Miss {
  caseIndex: number;
  kind: 'missed' | 'unexpected';
  type: PiiType;
  value: string;
}

/** The outcome of scoring a set of cases. */
export interface EvalReport {
  perType: Record<PiiType, Score>;
  overall: Score;
  misses: Miss[];
}

function toScore(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const detected = truePositives + falsePositives;
  const expected = truePositives + falseNegatives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: detected === 0 ? 1 : truePositives / detected,
    recall: expected === 0 ? 1 : truePositives / expected,
  };
}

/** Values of `a` not matched one-for-one by `b` (multiset difference). */
function unmatched(a: readonly string[], b: readonly string[]): string[] {
  const remaining = [...b];
  return a.filter((value) => {
    const at = remaining.indexOf(value);
    if (at === -1) return true;
    remaining.splice(at, 1);
    return false;
  });
}

/**
 * Scores a detector entity by entity: a detection counts only when its type and its exact
 * value match a label of the same case (each label at most once).
 */
export function scoreCases(
  cases: readonly EvalCase[],
  detect: (text: string) => PiiMatch[] = detectPii,
): EvalReport {
  const counts = Object.fromEntries(PII_TYPES.map((type) => [type, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  for (const [caseIndex, { text, entities }] of cases.entries()) {
    const detected = detect(text);
    for (const type of PII_TYPES) {
      const expected = entities.filter((e) => e.type === type).map((e) => e.value);
      const found = detected.filter((m) => m.type === type).map((m) => m.value);
      const missed = unmatched(expected, found);
      const unexpected = unmatched(found, expected);
      const tally = counts[type] ?? { tp: 0, fp: 0, fn: 0 };
      tally.tp += expected.length - missed.length;
      tally.fn += missed.length;
      tally.fp += unexpected.length;
      misses.push(
        ...missed.map((value) => ({ caseIndex, kind: 'missed' as const, type, value })),
        ...unexpected.map((value) => ({ caseIndex, kind: 'unexpected' as const, type, value })),
      );
    }
  }
  const perType = Object.fromEntries(
    PII_TYPES.map((type) => {
      const { tp, fp, fn } = counts[type] ?? { tp: 0, fp: 0, fn: 0 };
      return [type, toScore(tp, fp, fn)];
    }),
  ) as Record<PiiType, Score>;
  const total = Object.values(perType).reduce(
    (sum, s) => ({
      tp: sum.tp + s.truePositives,
      fp: sum.fp + s.falsePositives,
      fn: sum.fn + s.falseNegatives,
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return { perType, overall: toScore(total.tp, total.fp, total.fn), misses };
}

/** The types below {@link TARGETS}, each with the rate that fell short; empty when all pass. */
export function shortfalls(report: EvalReport): string[] {
  return PII_TYPES.flatMap((type) => {
    const { precision, recall } = report.perType[type];
    return [
      ...(recall < TARGETS.recall
        ? [`${type} recall ${recall.toFixed(3)} < ${TARGETS.recall}`]
        : []),
      ...(precision < TARGETS.precision
        ? [`${type} precision ${precision.toFixed(3)} < ${TARGETS.precision}`]
        : []),
    ];
  });
}
