import type { ExecutionResult } from 'graphql';
import { wsClient } from '../../../support/graphql-ws-client.js';

/** Runs one query or mutation over a graphql-ws connection of its own; its single result. */
export function wsRequest<T = Record<string, unknown>>(
  serverUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutionResult<T>> {
  const client = wsClient(serverUrl);
  const result = new Promise<ExecutionResult<T>>((resolve, reject) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => resolve(value as ExecutionResult<T>),
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  });
  return result.finally(() => client.dispose());
}
