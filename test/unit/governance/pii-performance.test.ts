import { describe, expect, it } from 'vitest';
import { redactPii } from '../../../src/governance/pii.js';

// Inputs built to make a backtracking regex go quadratic or worse: long runs that almost match
// (a local part with no '@', digit groups with no end, BEGIN lines with no END…).
const SIZE = 200_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const ADVERSARIAL: Record<string, string> = {
  'letters without @': fill('a'),
  'local parts and @': fill('a@'),
  'dotted local part': `${fill('a.')}@`,
  'hyphenated domain': `a@${fill('a-')}`,
  'dotted domain': `a@${fill('a.')}!`,
  'space-separated digits': fill('1 '),
  'dash-separated digits': fill('1-'),
  'dotted digits': fill('1.'),
  'plus signs and digits': fill('+1 '),
  'trunk zeros': fill('0 '),
  'one long number': fill('4'),
  'hex and colons': fill('a:'),
  'double colons': fill('1::'),
  'IBAN starts': fill('DE89 '),
  'assignments without values': fill('password='),
  'colon assignments': fill('password: '),
  'long names': `${fill('x')}=1`,
  'XML openers': fill('<password>'),
  'option flags': fill('--password '),
  'Bearer words': fill('Bearer '),
  'URL schemes': fill('a://b:'),
  'key prefix and body': `sk-${fill('a1')}`,
  'JWT pieces': fill('eyJabcdefgh.'),
  'BEGIN lines without END': fill('-----BEGIN PRIVATE KEY-----\n'),
  'placeholder lookalikes': fill('[EMAIL_'),
};

describe('redaction on adversarial input', () => {
  it.each(Object.entries(ADVERSARIAL))('stays linear on %s', (_, text) => {
    const started = performance.now();
    redactPii(text);
    const elapsedMs = performance.now() - started;
    // Linear scans take 0.02–1.5 ms per KB here; a quadratic pattern on 200 KB takes tens of
    // seconds. 10 ms per KB sits far from both, so a slow CI machine does not fail it.
    expect(elapsedMs).toBeLessThan((SIZE / 1024) * 10);
  });
});
