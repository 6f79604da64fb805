import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PII_TYPES,
  containsPii,
  createRedactionSession,
  detectPii,
  findPlaceholders,
  formatPlaceholder,
  redactPii,
} from '../../../src/governance/pii.js';
import type { PiiType } from '../../../src/governance/pii.js';
import { scan, wholeMatch } from '../../../src/governance/pii/scan.js';
import { loadCases } from '../../../eval/pii/cases.js';
import { fullUnicodeText, PROPERTY_RUNS } from '../../support/unicode-arbitraries.js';

const options = { numRuns: PROPERTY_RUNS };

const cases = loadCases();
const entityValues = [...new Set(cases.flatMap((entry) => entry.entities.map((e) => e.value)))];
const caseTexts = cases.map((entry) => entry.text);

/**
 * Arbitrary Unicode with real entities and whole evaluation cases mixed in, so that detectors
 * see PII next to, and inside, arbitrary characters.
 */
const textWithPii = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fullUnicodeText(12) },
      { weight: 2, arbitrary: fc.constantFrom(...entityValues) },
      { weight: 1, arbitrary: fc.constantFrom(...caseTexts) },
      { weight: 1, arbitrary: fc.constantFrom(' ', '\n', ', ', '[EMAIL_3]', '[PHONE_1]') },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const someTypes = fc.subarray([...PII_TYPES], { minLength: 1 });

const PLACEHOLDER_AT_START = new RegExp(String.raw`^\[(${PII_TYPES.join('|')})_(\d+)\]`);

interface Placeholder {
  text: string;
  type: PiiType;
  ordinal: number;
}

/**
 * The placeholders `redacted` put in for `found`, read by walking both texts: everything
 * between two entities must have been copied unchanged, and each entity must have become one
 * placeholder. Fails the test otherwise.
 */
function placeholdersPutIn(
  text: string,
  redacted: string,
  found: readonly { start: number; end: number }[],
): Placeholder[] {
  const placeholders: Placeholder[] = [];
  let at = 0;
  let copiedUpTo = 0;
  for (const match of found) {
    const copied = text.slice(copiedUpTo, match.start);
    expect(redacted.slice(at, at + copied.length)).toBe(copied);
    at += copied.length;
    const placeholder = PLACEHOLDER_AT_START.exec(redacted.slice(at));
    expect(placeholder).not.toBeNull();
    const [written = '', type = '', ordinal = ''] = placeholder ?? [];
    placeholders.push({ text: written, type: type as PiiType, ordinal: Number(ordinal) });
    at += written.length;
    copiedUpTo = match.end;
  }
  expect(redacted.slice(at)).toBe(text.slice(copiedUpTo));
  return placeholders;
}

/** The highest ordinal of each type among the placeholders already in `text`. */
function reservedOrdinals(text: string): Map<PiiType, number> {
  const reserved = new Map<PiiType, number>();
  for (const { type, ordinal } of findPlaceholders(text)) {
    reserved.set(type, Math.max(reserved.get(type) ?? 0, ordinal));
  }
  return reserved;
}

describe('detectPii on arbitrary Unicode', () => {
  it('reports spans of the requested types that hold their value, in order, apart', () => {
    fc.assert(
      fc.property(textWithPii, someTypes, (text, types) => {
        const placeholders = findPlaceholders(text);
        let previousEnd = 0;
        for (const match of detectPii(text, types)) {
          expect(types).toContain(match.type);
          expect(text.slice(match.start, match.end)).toBe(match.value);
          expect(match.start).toBeGreaterThanOrEqual(previousEnd);
          expect(match.end).toBeGreaterThan(match.start);
          const overlapsPlaceholder = placeholders.some(
            (placeholder) => placeholder.start < match.end && match.start < placeholder.end,
          );
          expect(overlapsPlaceholder).toBe(false);
          previousEnd = match.end;
        }
      }),
      options,
    );
  });

  it('agrees with containsPii', () => {
    fc.assert(
      fc.property(textWithPii, someTypes, (text, types) => {
        expect(containsPii(text, types)).toBe(detectPii(text, types).length > 0);
      }),
      options,
    );
  });
});

/**
 * `text` as one detection pass redacts it: each entity found replaced by its placeholder from a
 * fresh session that reserved the placeholders already there.
 */
function redactedOnce(text: string): string {
  const session = createRedactionSession();
  for (const { type, ordinal } of findPlaceholders(text)) session.reserve(type, ordinal);
  let result = '';
  let copiedUpTo = 0;
  for (const { type, start, end, value } of detectPii(text)) {
    result += text.slice(copiedUpTo, start) + session.placeholderFor(type, value);
    copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}

describe('redactPii on arbitrary Unicode', () => {
  it('leaves nothing detectable, so redacting twice changes nothing', () => {
    fc.assert(
      fc.property(textWithPii, someTypes, (text, types) => {
        const once = redactPii(text, { types });
        expect(detectPii(once.text, types)).toEqual([]);
        expect(redactPii(once.text, { types })).toMatchObject({ text: once.text, matches: 0 });
      }),
      options,
    );
  });

  it('counts every replacement, at least each entity detected in the text', () => {
    fc.assert(
      fc.property(textWithPii, (text) => {
        const found = detectPii(text);
        const result = redactPii(text);
        expect(Object.values(result.counts).reduce((sum, count) => sum + count, 0)).toBe(
          result.matches,
        );
        for (const type of PII_TYPES) {
          const detected = found.filter((match) => match.type === type).length;
          expect(result.counts[type]).toBeGreaterThanOrEqual(detected);
        }
      }),
      options,
    );
  });

  describe('when replacing the entities reveals no other', () => {
    const unrevealing = textWithPii.filter((text) => detectPii(redactedOnce(text)).length === 0);

    it('replaces exactly the detected entities, each with a placeholder of its type', () => {
      fc.assert(
        fc.property(unrevealing, (text) => {
          const found = detectPii(text);
          const result = redactPii(text);
          const placeholders = placeholdersPutIn(text, result.text, found);
          expect(placeholders.map((placeholder) => placeholder.type)).toEqual(
            found.map((match) => match.type),
          );
          expect(result.matches).toBe(found.length);
        }),
        options,
      );
    });

    it('numbers new entities on from the placeholders already there, one value alike', () => {
      fc.assert(
        fc.property(unrevealing, (text) => {
          const found = detectPii(text);
          const placeholders = placeholdersPutIn(text, redactPii(text).text, found);
          const lastOrdinal = reservedOrdinals(text);
          const byValue = new Map<string, string>();
          placeholders.forEach((placeholder, index) => {
            const key = `${placeholder.type}\u0000${found[index]?.value ?? ''}`;
            expect(placeholder.text).toBe(byValue.get(key) ?? placeholder.text);
            byValue.set(key, placeholder.text);
            const last = lastOrdinal.get(placeholder.type) ?? 0;
            // Either the next number, or a placeholder given out earlier in this text.
            if (placeholder.ordinal === last + 1) lastOrdinal.set(placeholder.type, last + 1);
            else
              expect(placeholders.slice(0, index).map((p) => p.text)).toContain(placeholder.text);
          });
        }),
        options,
      );
    });
  });

  it('gives a text the same placeholders every time within one session', () => {
    fc.assert(
      fc.property(textWithPii, (text) => {
        const session = createRedactionSession();
        const first = redactPii(text, { session });
        expect(redactPii(text, { session }).text).toBe(first.text);
      }),
      options,
    );
  });
});

describe('redactPii on what the properties found', () => {
  it.each([
    ['an address glued to another', 'a@example.combilling%dept@example.com', '[EMAIL_1][EMAIL_2]'],
    ['a phone number glued to an address', 'a@example.com+33.4.72.00.00.00', '[EMAIL_1][PHONE_1]'],
    ['an IP address glued to an address', 'a@example.com::1', '[EMAIL_1][IP_ADDRESS_1]'],
    ['a chain of glued phone numbers', '+44 20 7946 0958'.repeat(6), '[PHONE_1]'.repeat(6)],
    ['phone numbers one space apart', '+44 20 7946 0958 +1 415 555 2671', '[PHONE_1] [PHONE_2]'],
  ])('replaces %s, which the first placeholder reveals', (_, text, redacted) => {
    expect(redactPii(text).text).toBe(redacted);
  });

  it('replaces the loser of an overlap once the winner is a placeholder', () => {
    const key = loadCases()
      .flatMap((entry) => entry.entities)
      .find((entity) => entity.type === 'PRIVATE_KEY')?.value;
    const text = `SLACK_BOT_TOKEN=xoxb-6068831067-9247082276544-qVVPqzPptEJQzhkPkenG5ZFJ${key}`;
    expect(redactPii(text).text).toBe('SLACK_BOT_TOKEN=[API_KEY_1][PRIVATE_KEY_1]');
  });

  it('redacts a long chain of glued entities in linear time', () => {
    const text = '+44 20 7946 0958'.repeat(25_000);
    const started = performance.now();
    expect(redactPii(text).matches).toBe(25_000);
    // 10 ms per KB, as for the other adversarial inputs; a full pass per link takes minutes.
    expect(performance.now() - started).toBeLessThan((text.length / 1024) * 10);
  });
});

describe('createRedactionSession', () => {
  const type = fc.constantFrom(...PII_TYPES);
  // Digit strings are their own canonical spelling for every type.
  const value = fc.constantFrom('1', '22', '333', '4444');
  const command = fc.oneof(
    fc.record({ kind: fc.constant('number' as const), type, value }),
    fc.record({ kind: fc.constant('reserve' as const), type, ordinal: fc.nat(20) }),
  );

  it('numbers each new value of a type one past the last taken, and repeats known ones', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const session = createRedactionSession();
        const lastOrdinal = new Map<PiiType, number>();
        const known = new Map<string, string>();
        for (const step of commands) {
          const last = lastOrdinal.get(step.type) ?? 0;
          if (step.kind === 'reserve') {
            session.reserve(step.type, step.ordinal);
            lastOrdinal.set(step.type, Math.max(last, step.ordinal));
            continue;
          }
          const key = `${step.type}\u0000${step.value}`;
          const expected = known.get(key) ?? formatPlaceholder(step.type, last + 1);
          expect(session.placeholderFor(step.type, step.value)).toBe(expected);
          if (!known.has(key)) lastOrdinal.set(step.type, last + 1);
          known.set(key, expected);
        }
      }),
      options,
    );
  });

  it('formats placeholders that findPlaceholders finds again', () => {
    fc.assert(
      fc.property(
        fullUnicodeText(10),
        type,
        fc.integer({ min: 1, max: 999_999_999 }),
        (around, kind, ordinal) => {
          fc.pre(findPlaceholders(around).length === 0);
          const text = `${around}${formatPlaceholder(kind, ordinal)}`;
          expect(findPlaceholders(text)).toEqual([
            { start: around.length, end: text.length, type: kind, ordinal },
          ]);
        },
      ),
      options,
    );
  });
});

describe('scan on arbitrary Unicode', () => {
  it('steps over an astral character after an empty match of a `u` pattern', () => {
    expect([...scan('a😀b', /(?:)/gu, wholeMatch)].map((span) => span.start)).toEqual([0, 1, 3, 4]);
  });

  it('yields the span of every match when the validator accepts all, empty ones too', () => {
    const patterns = [/\p{L}+/gu, /\d*/g, /(?:)/gu, /[\uD800-\uDFFF]/g, /\S{0,3}/gu];
    fc.assert(
      fc.property(fullUnicodeText(), fc.constantFrom(...patterns), (text, pattern) => {
        const matches = [...text.matchAll(pattern)].map((match) => wholeMatch(match));
        expect([...scan(text, pattern, wholeMatch)]).toEqual(matches);
      }),
      options,
    );
  });
});
