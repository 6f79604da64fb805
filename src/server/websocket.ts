import type { Server } from 'node:http';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLContext } from '../graphql/context.js';
import { prepareWsOperation } from './ws-operation.js';

/** Largest WebSocket message accepted: the `ws` default of 100 MiB invites abuse. */
export const WS_MAX_PAYLOAD_BYTES = 1024 * 1024;

/** Options of {@link attachWebSocketServer}. */
export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  /** GraphQL path shared with HTTP. Default: `/graphql`. */
  path?: string;
  createContext: () => Promise<GraphQLContext>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * Serves graphql-ws on the HTTP server's `/graphql` path with the same schema and context
 * factory as Apollo. Errors go through the same formatter, since graphql-ws bypasses Apollo.
 * @returns a disposer that closes every socket (used by the drain plugin).
 */
export function attachWebSocketServer(options: WebSocketOptions): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path ?? '/graphql',
    maxPayload: WS_MAX_PAYLOAD_BYTES,
  });
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));
  const cleanup = useServer(
    {
      schema: options.schema,
      onSubscribe: (_ctx, _id, payload) =>
        prepareWsOperation(options.schema, payload, options.createContext),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
    },
    wsServer,
  );
  return {
    async dispose() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
