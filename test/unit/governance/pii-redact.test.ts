import { describe, expect, it } from 'vitest';
import {
  PII_TYPES,
  containsPii,
  createRedactionSession,
  detectPii,
  redactPii,
} from '../../../src/governance/pii.js';
import { loadCases } from '../../../eval/pii/cases.js';

describe('redactPii', () => {
  it('replaces each entity with a typed, numbered placeholder and counts them', () => {
    const result = redactPii('Mail a@example.com or b@example.com, call +44 20 7946 0958.');
    expect(result.text).toBe('Mail [EMAIL_1] or [EMAIL_2], call [PHONE_1].');
    expect(result.matches).toBe(3);
    expect(result.counts).toMatchObject({ EMAIL: 2, PHONE: 1, CREDIT_CARD: 0 });
    expect(Object.keys(result.counts).sort()).toEqual([...PII_TYPES].sort());
  });

  it('gives one value one placeholder, whatever its spelling', () => {
    const text =
      'Jane@Example.com paid with 4111 1111 1111 1111; jane@example.com with 4111-1111-1111-1111';
    expect(redactPii(text).text).toBe(
      '[EMAIL_1] paid with [CREDIT_CARD_1]; [EMAIL_1] with [CREDIT_CARD_1]',
    );
  });

  it('keeps numbering across texts of one session, and restarts without one', () => {
    const session = createRedactionSession();
    expect(redactPii('from a@example.com', { session }).text).toBe('from [EMAIL_1]');
    expect(redactPii('to b@example.com, cc a@example.com', { session }).text).toBe(
      'to [EMAIL_2], cc [EMAIL_1]',
    );
    expect(redactPii('to b@example.com').text).toBe('to [EMAIL_1]');
  });

  it('never reuses the number of a placeholder already in the text', () => {
    expect(redactPii('[EMAIL_1] wrote to bob@example.com').text).toBe(
      '[EMAIL_1] wrote to [EMAIL_2]',
    );
  });

  it('redacts only the requested types', () => {
    const result = redactPii('a@example.com 10.0.0.1', { types: ['IP_ADDRESS'] });
    expect(result.text).toBe('a@example.com [IP_ADDRESS_1]');
    expect(result.counts.EMAIL).toBe(0);
  });

  it('reports only the value of a secret assignment, keeping its name readable', () => {
    expect(redactPii('DB_PASSWORD=Tr0ub4dor&3').text).toBe('DB_PASSWORD=[SECRET_1]');
  });

  it('is idempotent and leaves nothing detectable on every evaluation case', () => {
    for (const { text } of loadCases()) {
      const once = redactPii(text);
      expect(redactPii(once.text)).toMatchObject({ text: once.text, matches: 0 });
      expect(containsPii(once.text)).toBe(false);
    }
  });
});

describe('detectPii', () => {
  it('reports spans that hold their value, in order and without overlaps', () => {
    for (const { text } of loadCases()) {
      const matches = detectPii(text);
      for (const [index, match] of matches.entries()) {
        expect(text.slice(match.start, match.end)).toBe(match.value);
        expect(match.start).toBeGreaterThanOrEqual(matches[index - 1]?.end ?? 0);
      }
    }
  });

  it('lets the longer of two overlapping entities win', () => {
    expect(detectPii('seen from ::ffff:192.0.2.1 today')).toMatchObject([
      { type: 'IP_ADDRESS', value: '::ffff:192.0.2.1' },
    ]);
  });

  it('lets the more specific type win between spans of equal length', () => {
    const key = 'sk-proj-PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA';
    expect(detectPii(`OPENAI_API_KEY=${key}`)).toMatchObject([{ type: 'API_KEY', value: key }]);
    expect(detectPii(`OPENAI_API_KEY=${key}`, ['SECRET'])).toMatchObject([
      { type: 'SECRET', value: key },
    ]);
  });

  it('never reports a placeholder or anything overlapping one', () => {
    expect(detectPii('[EMAIL_1] [PHONE_12] password=[SECRET_3]')).toEqual([]);
  });
});

describe('containsPii', () => {
  it('answers whether any entity of the given types is present', () => {
    expect(containsPii('reach me at a@example.com')).toBe(true);
    expect(containsPii('reach me at a@example.com', ['PHONE'])).toBe(false);
    expect(containsPii('version 1.2.3 released on 2024-05-01')).toBe(false);
    expect(containsPii('reach me at [EMAIL_1]')).toBe(false);
  });
});
