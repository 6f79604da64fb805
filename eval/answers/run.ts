/**
 * `npm run eval -- answers [--out <file>]`: asks the questions of `questions.json` about the
 * Markdown corpus in `corpus/` of a fresh server with the default (local) models, scores each
 * answer (`score.ts`) and writes the figures and every answer to `results.json` (or `<file>`).
 * Reports; it does not gate: the exit code is 0 unless the evaluation itself fails.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { ingestCorpus } from './ask-corpus.js';
import { loadCorpus, loadQuestions } from './questions.js';
import { codeLines, scoreAnswer, summarize } from './score.js';

const outFlag = process.argv.indexOf('--out');
const out =
  outFlag === -1
    ? fileURLToPath(new URL('./results.json', import.meta.url))
    : resolve(process.argv[outFlag + 1] ?? 'results.json');

const corpus = loadCorpus();
const questions = loadQuestions(corpus);
const code = codeLines(corpus);
const started = performance.now();
const askable = await ingestCorpus(corpus);
const scored = [];
try {
  for (const question of questions) {
    const answer = await askable.ask(question.question);
    scored.push({ question, answer, score: scoreAnswer(question, answer, code) });
  }
} finally {
  await askable.close();
}
const summary = summarize(scored);

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const record = {
  eval: 'answers',
  at: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  uncommittedChanges: (git('status', '--porcelain') ?? '') !== '',
  model: 'local (default models config)',
  seconds: Math.round((performance.now() - started) / 100) / 10,
  summary,
  answers: scored.map(({ question, answer, score }) => ({ ...question, answer, score })),
};
// Written as Prettier would, so `npm run lint` passes on a committed result.
const options = { ...(await resolveConfig(out)), filepath: out };
writeFileSync(out, await format(JSON.stringify(record), options));

const mark = (ok: boolean) => (ok ? 'ok ' : '-- ');
const lines = [
  `Answer evaluation: ${summary.questions} questions (${summary.answerable} answerable) over ${corpus.length} documents`,
  '',
  'fact citation  question',
  ...scored.map(
    ({ question, score }) =>
      `${mark(score.factsFound)}  ${mark(score.rightCitation)}      ${question.id}: ${question.question}`,
  ),
  '',
  `fact-in-answer rate:   ${summary.factInAnswerRate}`,
  `right-citation rate:   ${summary.rightCitationRate}`,
  `both:                  ${summary.correctRate}`,
  `refusal rate:          ${summary.refusalRate} (unanswerable questions)`,
  `citation precision:    ${summary.meanCitationPrecision}`,
  `heading echoes:        ${summary.headingEchoes}`,
  `flattened code:        ${summary.flattenedCode}`,
  `median TokenDeltas:    ${summary.medianTokenDeltas}`,
  '',
  `wrote ${out}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);
