import type { DocumentNode, ExecutionArgs, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPEN_PRINCIPAL } from '../../../src/auth/authenticate.js';
import type { GraphQLContext } from '../../../src/graphql/context.js';
import { buildSchema } from '../../../src/graphql/schema.js';
import { createQueryLimits } from '../../../src/security/query-limits.js';
import { prepareWsOperation, type WsOperationRules } from '../../../src/server/ws-operation.js';

const limits = createQueryLimits();
const rules = (): WsOperationRules => ({
  schema: buildSchema(),
  validationRules: limits.validationRules,
  maxTokens: limits.maxTokens,
});
// The context is only handed through to execution; nothing reads it here.
const createContext = async () => ({}) as GraphQLContext;
const prepare = (on: WsOperationRules, query: string) =>
  prepareWsOperation(on, { query }, OPEN_PRINCIPAL, createContext);
const documentOf = (prepared: ExecutionArgs | readonly GraphQLError[]): DocumentNode => {
  if (Array.isArray(prepared)) throw new Error(JSON.stringify(prepared));
  return (prepared as ExecutionArgs).document;
};

describe('prepareWsOperation', () => {
  it('parses and validates a query once, then reuses its document', async () => {
    const on = rules();
    const query = '{ health { status } }';
    const first = documentOf(await prepare(on, query));
    expect(documentOf(await prepare(on, query))).toBe(first);
    // Another set of rules validates for itself.
    expect(documentOf(await prepare(rules(), query))).not.toBe(first);
  });

  it('keeps no failure: an invalid query fails each time with its code', async () => {
    const on = rules();
    for (const [query, code] of [
      ['{ health { nosuchfield } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ health { status }', 'GRAPHQL_PARSE_FAILED'],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const prepared = await prepare(on, query);
        expect(Array.isArray(prepared)).toBe(true);
        expect((prepared as readonly GraphQLError[])[0]!.extensions['code']).toBe(code);
      }
    }
  });

  it('still authorizes each operation for its caller', async () => {
    const on = rules();
    const mutation = 'mutation { createCollection(input: { name: "x" }) { id } }';
    documentOf(await prepare(on, mutation));
    const reader = { ...OPEN_PRINCIPAL, role: 'reader' as const };
    const refused = await prepareWsOperation(on, { query: mutation }, reader, createContext);
    expect(Array.isArray(refused)).toBe(true);
    expect((refused as readonly GraphQLError[])[0]!.extensions['code']).toBe('FORBIDDEN');
  });
});
