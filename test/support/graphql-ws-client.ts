import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for a server's `/graphql` HTTP URL. */
export function wsClient(httpUrl: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
}

/** Runs a subscription to its end and returns every payload (rejects on an error message). */
export function collectSubscription<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T[]> {
  const payloads: T[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else payloads.push(result.data as T);
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(payloads),
      },
    );
  });
}
