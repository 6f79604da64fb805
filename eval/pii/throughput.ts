/**
 * Redaction throughput on about 1 MB of mixed text: `node --import tsx eval/pii/throughput.ts`.
 * The text interleaves the evaluation cases (dense with entities and look-alikes) with plain
 * technical prose (dates, versions, numbers, code), roughly one case per paragraph.
 */
import { containsPii, createRedactionSession, redactPii } from '../../src/governance/pii.js';
import { loadCases } from './cases.js';

const PROSE = [
  'The ingestion service processed 12,480 documents between 2024-03-01 and 2024-03-31, with a median latency of 182 ms and a p99 of 1.4 s. Version 2.14.3 fixed the retry loop introduced in v2.13.0.',
  'To configure the worker, set `concurrency: 8` and `batchSize: 64` in config.yaml, then run `npm run start -- --port 8080`. Logs are rotated daily at 00:00 UTC and kept for 30 days.',
  'Quarterly revenue grew 4.5% to $1,204,331.17 across 14 regions; the EMEA share rose from 31% to 34%. See table 3 and figure 2.1 for the breakdown by product line.',
  'function retry(attempt) {\n  const delay = Math.min(250 * 2 ** attempt, 10_000);\n  return new Promise((resolve) => setTimeout(resolve, delay));\n}',
  'Der Bericht vom 15.03.2024 beschreibt die Migration auf PostgreSQL 16.2; die Ausfallzeit betrug 4 Minuten. Le rapport du 15/03/2024 décrit la migration.',
];

function mixedText(targetBytes: number): string {
  const cases = loadCases().map((entry) => entry.text);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < targetBytes; index++) {
    const part =
      index % 6 === 5 ? (cases[index % cases.length] ?? '') : (PROSE[index % PROSE.length] ?? '');
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n');
}

function medianMs(run: () => void, times = 7): number {
  run();
  const samples = Array.from({ length: times }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return samples[Math.floor(times / 2)] ?? 0;
}

const text = mixedText(1_000_000);
const megabytes = Buffer.byteLength(text, 'utf8') / 1_000_000;
const redaction = redactPii(text, { session: createRedactionSession() });
const redactMs = medianMs(() => redactPii(text));
const containsMs = medianMs(() => containsPii(redaction.text));
const rate = (ms: number): string => (megabytes / (ms / 1000)).toFixed(1);
process.stdout.write(
  [
    `text: ${megabytes.toFixed(2)} MB, ${redaction.matches} entities redacted`,
    `redactPii:   ${redactMs.toFixed(0)} ms median, ${rate(redactMs)} MB/s`,
    `containsPii: ${containsMs.toFixed(0)} ms median on the redacted text, ${rate(containsMs)} MB/s`,
  ].join('\n') + '\n',
);
