import { describe, expect, it } from 'vitest';
import { PII_TYPES, detectPii } from '../../../src/governance/pii.js';
import { loadCases } from '../../../eval/pii/cases.js';
import { TARGETS, scoreCases, shortfalls } from '../../../eval/pii/score.js';

const cases = loadCases();

describe('PII evaluation set', () => {
  it('has at least 200 cases, look-alikes, and true entities of every type', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((entry) => entry.entities.length === 0).length).toBeGreaterThanOrEqual(50);
    for (const type of PII_TYPES) {
      const entities = cases.flatMap((entry) => entry.entities.filter((e) => e.type === type));
      expect(entities.length, type).toBeGreaterThanOrEqual(15);
    }
  });

  it('meets the issue targets on every type', () => {
    const report = scoreCases(cases);
    expect(shortfalls(report)).toEqual([]);
    for (const type of PII_TYPES) {
      expect(report.perType[type].recall, type).toBeGreaterThanOrEqual(TARGETS.recall);
      expect(report.perType[type].precision, type).toBeGreaterThanOrEqual(TARGETS.precision);
    }
  });
});

describe('scoreCases', () => {
  const sample = [
    { text: 'mail a@example.com', entities: [{ type: 'EMAIL' as const, value: 'a@example.com' }] },
    { text: 'version 1.2.3.4', entities: [] },
  ];

  it('counts a missed entity against recall and an unlabelled detection against precision', () => {
    const report = scoreCases(sample, (text) =>
      text.startsWith('version')
        ? [{ type: 'IP_ADDRESS', start: 8, end: 15, value: '1.2.3.4' }]
        : [],
    );
    expect(report.perType.EMAIL).toMatchObject({ falseNegatives: 1, recall: 0 });
    expect(report.perType.IP_ADDRESS).toMatchObject({ falsePositives: 1, precision: 0 });
    expect(shortfalls(report)).toEqual([
      'EMAIL recall 0.000 < 0.98',
      'IP_ADDRESS precision 0.000 < 0.95',
    ]);
  });

  it('needs the exact value and type: a partial or mistyped match is a miss and a false alarm', () => {
    const report = scoreCases(sample.slice(0, 1), () => [
      { type: 'SECRET', start: 5, end: 18, value: 'a@example.com' },
    ]);
    expect(report.perType.EMAIL.falseNegatives).toBe(1);
    expect(report.perType.SECRET.falsePositives).toBe(1);
  });

  it('scores the real detector perfectly on this sample', () => {
    expect(scoreCases(sample, detectPii).overall).toMatchObject({ precision: 1, recall: 1 });
  });
});
