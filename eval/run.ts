/**
 * `npm run eval -- <name> [options]`: runs the evaluation `eval/<name>/run.ts` with the options.
 * Known: `pii` (the redactor's detectors) and `answers` (the local model's answers).
 */
const EVALS = ['pii', 'answers'] as const;

const [name, ...rest] = process.argv.slice(2);
if (!EVALS.includes(name as (typeof EVALS)[number])) {
  process.stderr.write(`usage: npm run eval -- <${EVALS.join(' | ')}> [options]\n`);
  process.exit(2);
}
process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
await import(`./${name}/run.ts`);
