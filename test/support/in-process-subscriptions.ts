import { parse, subscribe, type ExecutionResult } from 'graphql';
import type pg from 'pg';
import { OPEN_PRINCIPAL } from '../../src/auth/authenticate.js';
import { createContextFactory, type AppServices } from '../../src/graphql/context.js';
import { buildSchema } from '../../src/graphql/schema.js';

/** A subscription's results, as graphql's `subscribe` returns them. */
export type SubscriptionStream = AsyncGenerator<ExecutionResult, void, void>;

const schema = buildSchema();

/**
 * Subscribes in-process exactly as graphql-ws does (graphql's `subscribe` over the schema), as
 * the open-mode admin of the default workspace.
 */
export async function openSubscription(
  services: AppServices,
  query: string,
  variables: Record<string, unknown>,
): Promise<SubscriptionStream> {
  const context = await createContextFactory(services)(OPEN_PRINCIPAL);
  const result = await subscribe({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: context,
  });
  if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

/**
 * Records every statement sent through `pool.query` from now on; `about(id)` counts those whose
 * parameters mention `id` (a run or job uuid), announcements (`pg_notify`) aside.
 */
export function recordStatements(pool: pg.Pool): { about(id: string): number } {
  const statements: { text: string; values: string }[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const first = args[0] as string | { text?: string };
    statements.push({
      text: typeof first === 'string' ? first : (first.text ?? ''),
      values: JSON.stringify(Array.isArray(args[1]) ? args[1] : []),
    });
    return query(...args);
  }) as typeof pool.query;
  return {
    about: (id) =>
      statements.filter((s) => s.values.includes(id) && !s.text.includes('pg_notify')).length,
  };
}
