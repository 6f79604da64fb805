import { GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  FALLBACK_REASONS,
  type FallbackReason,
} from '../../../graphs/agentic-rag/fallback-reasons.js';
import { ERROR_CODES, type ErrorCode } from '../../../src/errors.js';
import { PII_TYPES, type PiiType } from '../../../src/governance/pii.js';
import type {
  IngestError,
  ModelFallback,
  ModelStatus,
  PiiCount,
  RunError,
  RunFailed,
} from '../../../src/graphql/generated/resolvers-types.js';
import { ModelStatus as ModelStatusResolver } from '../../../src/graphql/resolvers/ModelStatus/index.js';
import { buildSchema } from '../../../src/graphql/schema.js';

// Each code a client switches on is one list in TypeScript, where the value is produced, and
// one GraphQL enum mirroring it.
const LISTS: Record<string, readonly string[]> = {
  ErrorCode: ERROR_CODES,
  FallbackReason: FALLBACK_REASONS,
  PiiType: PII_TYPES,
};

describe('coded fields are enums of the schema, each mirroring one TypeScript list', () => {
  let schema: GraphQLSchema;
  beforeAll(() => {
    schema = buildSchema();
  });

  it.each(Object.entries(LISTS))('enum %s has exactly the values of its list', (name, list) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((value) => value.name)).toEqual([...list]);
  });

  it.each([
    ['RunFailed', 'code', 'ErrorCode!'],
    ['RunError', 'code', 'ErrorCode!'],
    ['IngestError', 'code', 'ErrorCode!'],
    ['ModelFallback', 'reason', 'FallbackReason!'],
    ['ModelStatus', 'lastErrorCode', 'FallbackReason'],
    ['PiiCount', 'type', 'PiiType!'],
  ])('%s.%s is %s', (typeName, field, expected) => {
    const type = schema.getType(typeName) as { getFields(): Record<string, { type: unknown }> };
    expect(String(type.getFields()[field]?.type)).toBe(expected);
  });

  it('describes every value, as valid UPPER_SNAKE names', () => {
    for (const name of Object.keys(LISTS)) {
      for (const value of (schema.getType(name) as GraphQLEnumType).getValues()) {
        expect(value.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(value.description, `${name}.${value.name}`).toBeTruthy();
      }
    }
  });

  // Checked by `npm run typecheck`: the generated resolver types are the TypeScript lists.
  it('maps each enum to its TypeScript type in the generated code', () => {
    expectTypeOf<RunFailed['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<RunError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<IngestError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<ModelFallback['reason']>().toEqualTypeOf<FallbackReason>();
    expectTypeOf<ModelStatus['lastErrorCode']>().toEqualTypeOf<FallbackReason | null>();
    expectTypeOf<PiiCount['type']>().toEqualTypeOf<PiiType>();
  });

  it('reads a model status failure code as a FallbackReason', () => {
    const lastErrorCode = (code: string | null) =>
      (ModelStatusResolver.lastErrorCode as (status: { lastErrorCode: string | null }) => unknown)({
        lastErrorCode: code,
      });
    expect(lastErrorCode('HTTP_503')).toBe('HTTP_503');
    expect(lastErrorCode('CIRCUIT_OPEN')).toBe('CIRCUIT_OPEN');
    expect(lastErrorCode('HTTP_418')).toBe('HTTP_ERROR');
    expect(lastErrorCode(null)).toBeNull();
  });
});
