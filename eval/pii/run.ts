/**
 * `npm run eval:pii`: scores the redactor's detectors on `cases.jsonl` and prints precision and
 * recall per entity type. Exits non-zero when a type misses the targets in `score.ts`.
 */
import { PII_TYPES } from '../../src/governance/pii.js';
import { loadCases } from './cases.js';
import { shortfalls, scoreCases, type Score } from './score.js';

const cases = loadCases();
const report = scoreCases(cases);

function row(label: string, score: Score): string {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
  return [
    label.padEnd(12),
    String(tp + fn).padStart(8),
    String(tp).padStart(4),
    String(fp).padStart(4),
    String(fn).padStart(4),
    score.precision.toFixed(3).padStart(10),
    score.recall.toFixed(3).padStart(8),
  ].join(' ');
}

const header = ['type'.padEnd(12), 'entities', '  tp', '  fp', '  fn', ' precision', '  recall'];
const lines = [
  `PII evaluation: ${cases.length} cases`,
  '',
  header.join(' '),
  ...PII_TYPES.map((type) => row(type, report.perType[type])),
  row('overall', report.overall),
  '',
  ...report.misses.map(
    (miss) => `case ${miss.caseIndex + 1}: ${miss.kind} ${miss.type} ${JSON.stringify(miss.value)}`,
  ),
];
const failed = shortfalls(report);
lines.push(failed.length === 0 ? 'all targets met' : `targets missed: ${failed.join('; ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
