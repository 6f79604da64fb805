import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  correctionMessage,
  parseStructured,
  structuredSpecOf,
} from '../../../src/models/structured/json-output.js';

const schema = z.object({ relevant: z.boolean(), score: z.number().min(0).max(1) });

describe('parseStructured', () => {
  it('accepts valid JSON, also inside a ```json fence', () => {
    expect(parseStructured(schema, '{"relevant":true,"score":0.5}')).toEqual({
      ok: true,
      value: { relevant: true, score: 0.5 },
    });
    expect(parseStructured(schema, '```json\n{"relevant":false,"score":0}\n```')).toEqual({
      ok: true,
      value: { relevant: false, score: 0 },
    });
  });

  it('explains JSON syntax errors', () => {
    const parsed = parseStructured(schema, '{"relevant": tru');
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^is not valid JSON \(/) });
  });

  it('names each field that fails validation', () => {
    const parsed = parseStructured(schema, '{"relevant":"yes","score":2}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(/^does not match the schema \(relevant: .+; score: .+\)$/);
    expect(correctionMessage(parsed.error)).toContain(parsed.error);
  });
});

describe('structuredSpecOf', () => {
  it('sends the JSON schema, named after the task unless named explicitly', () => {
    expect(structuredSpecOf(schema, { task: 'grade' })).toMatchObject({
      name: 'grade',
      task: 'grade',
      jsonSchema: { type: 'object', required: ['relevant', 'score'] },
    });
    expect(structuredSpecOf(schema, { schemaName: 'verdict' }).name).toBe('verdict');
  });

  it('falls back to plain JSON mode when zod cannot express the schema', () => {
    const custom = z.custom<string>((value) => typeof value === 'string');
    expect(
      structuredSpecOf(
        z.object({ at: custom }).transform((v) => v),
        {},
      ),
    ).not.toHaveProperty('jsonSchema');
  });
});
