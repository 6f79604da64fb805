import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Credentials } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { isAppError } from '../errors.js';
import type { AppServices, GraphQLContext } from '../graphql/context.js';
import { tracedExecute, tracedSubscribe } from '../telemetry/graphql-ws-operation.js';
import { createSocketCredentials, type SocketCredentials } from './ws-credentials.js';
import { prepareWsOperation, type WsOperationRules } from './ws-operation.js';

/**
 * Largest WebSocket message accepted: 1 MiB (the `ws` default of 100 MiB invites abuse). A larger
 * message closes its socket with 1009 and {@link WS_TOO_BIG_REASON}; bigger ingestion batches go
 * over HTTP (see `HTTP_MAX_BODY_BYTES`).
 */
export const WS_MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Close reason of a socket whose message was over {@link WS_MAX_PAYLOAD_BYTES} (code 1009). */
export const WS_TOO_BIG_REASON = `message too big: the limit is ${WS_MAX_PAYLOAD_BYTES} bytes`;
/** Operations one connection may have open at once. */
export const WS_MAX_OPERATIONS_PER_CONNECTION = 100;

/** Options of {@link attachWebSocketServer}. */
export interface WebSocketOptions {
  httpServer: Server;
  rules: WsOperationRules;
  services: Pick<AppServices, 'authenticate' | 'limits' | 'logger'>;
  /** GraphQL path shared with HTTP. Default: `/graphql`. */
  path?: string;
  /** Browser origins allowed to connect; empty allows all. Default: all. */
  allowedOrigins?: readonly string[];
  createContext: (principal: Principal) => Promise<GraphQLContext>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** How long a socket's credentials are trusted before they are checked again. Default: 5 s. */
  credentialsRecheckMs?: number;
}

// ws refuses a message over maxPayload from its length alone, unread, and closes with 1009 and
// no reason: the reason is the one place left to tell the client the limit.
class LimitedWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code, code === 1009 && data === undefined ? WS_TOO_BIG_REASON : data);
  }
}

type ConnectionState = {
  credentials?: Credentials;
  session?: SocketCredentials;
  open?: Set<string>;
};

/**
 * Serves graphql-ws on the HTTP server's `/graphql` path with the same schema, context
 * factory, authentication, limits and error formatting as Apollo (graphql-ws bypasses
 * Apollo's plugins, so each is applied here): credentials in `connectionParams`
 * (`authorization` or `apiKey`) are checked in `onConnect` and again while the socket is
 * open (revoked or expired credentials close it with 4403); each operation is rate limited,
 * capped per connection, parsed with a token limit, validated with the same rules and
 * authorized. An operation that fails to start fails alone: the socket and its other
 * operations go on. Each operation is traced (one span per operation, a subscription's for its
 * whole life: see `graphql-ws-operation.ts`) by the `execute` and `subscribe` handed to graphql-ws.
 * @returns a disposer that closes every socket (used by the drain plugin).
 */
export function attachWebSocketServer(options: WebSocketOptions): { dispose(): Promise<void> } {
  const allowed = options.allowedOrigins ?? [];
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path ?? '/graphql',
    maxPayload: WS_MAX_PAYLOAD_BYTES,
    WebSocket: LimitedWebSocket,
    verifyClient: ({ origin }: { origin?: string }) =>
      !origin || allowed.length === 0 || allowed.includes(origin),
  });
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));
  const sockets = createSocketCredentials({
    authenticate: options.services.authenticate,
    logger: options.services.logger,
    ...(options.credentialsRecheckMs ? { recheckMs: options.credentialsRecheckMs } : {}),
  });
  const start = async (
    state: ConnectionState,
    id: string,
    payload: Parameters<typeof prepareWsOperation>[1],
  ) => {
    const { session, open } = state;
    if (!session || !open) return [appError('UNAUTHENTICATED', 'not authenticated')];
    if (open.size >= WS_MAX_OPERATIONS_PER_CONNECTION) {
      return [
        appError(
          'RATE_LIMITED',
          `at most ${WS_MAX_OPERATIONS_PER_CONNECTION} operations per connection`,
        ),
      ];
    }
    // Counted before the first await: operations started at once must not all see a free slot.
    open.add(id);
    try {
      const principal: Principal = await session.current();
      await options.services.limits.checkRequest(principal);
      const prepared = await prepareWsOperation(
        options.rules,
        payload,
        principal,
        options.createContext,
      );
      if (Array.isArray(prepared)) open.delete(id);
      return prepared;
    } catch (error) {
      open.delete(id);
      throw error;
    }
  };
  const cleanup = useServer<Record<string, unknown>, ConnectionState>(
    {
      execute: tracedExecute(execute),
      subscribe: tracedSubscribe(createSourceEventStream, execute),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const credentials: Credentials = {
          authorization:
            typeof params['authorization'] === 'string' ? params['authorization'] : undefined,
          apiKey: typeof params['apiKey'] === 'string' ? params['apiKey'] : undefined,
        };
        try {
          const principal = await options.services.authenticate(credentials);
          ctx.extra.credentials = credentials;
          ctx.extra.session = sockets.admit(ctx.extra.socket, credentials, principal);
          ctx.extra.open = new Set();
          return true;
        } catch (error) {
          if (isAppError(error, 'UNAUTHENTICATED')) return false;
          throw error;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        try {
          return await start(ctx.extra, id, payload);
        } catch (error) {
          // Anything thrown here would close the whole socket (4500) with the raw message.
          return [toGraphQLError(error)];
        }
      },
      onComplete: (ctx, id) => {
        ctx.extra.open?.delete(id);
      },
      onClose: (ctx) => {
        if (ctx.extra.credentials) sockets.forget(ctx.extra.socket, ctx.extra.credentials);
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
    },
    wsServer,
  );
  quietClientErrors(wsServer, options.services.logger);
  return {
    async dispose() {
      sockets.close();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

// graphql-ws reports a client's protocol error (a message over the limit, invalid UTF-8) as an
// "internal error" with console.error and a stack, and the HTTP server's listen errors, which
// ws forwards to the WebSocket server, the same way. ws has already closed such a socket with
// the right code and listen() reports its own failure: one log line is all either deserves.
// Registered after graphql-ws's own handlers, so that theirs are there to be replaced.
function quietClientErrors(wsServer: WebSocketServer, logger: AppServices['logger']): void {
  wsServer.removeAllListeners('error');
  wsServer.on('error', () => undefined);
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        logger.warn(
          { code: error.code, limitBytes: WS_MAX_PAYLOAD_BYTES },
          'WebSocket message over the size limit: socket closed with 1009',
        );
        return;
      }
      logger.warn({ code: error.code }, `WebSocket error, socket closed: ${error.message}`);
      if (socket.readyState === WebSocket.OPEN) socket.close(1011, 'Internal server error');
    });
  });
}

function appError(code: string, message: string, details?: Record<string, unknown>) {
  return new GraphQLError(message, { extensions: { code, ...(details ?? {}) } });
}

// Domain errors keep their code; anything else reaches the formatter, which logs and masks it.
function toGraphQLError(error: unknown): GraphQLError {
  if (isAppError(error)) return appError(error.code, error.message, error.details);
  return new GraphQLError('Internal server error', {
    originalError: error instanceof Error ? error : new Error(String(error)),
  });
}
