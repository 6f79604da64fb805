import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createContextFactory, type AppServices, type GraphQLContext } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/errors.js';
import { buildSchema } from '../graphql/schema.js';
import { attachWebSocketServer } from './websocket.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  services: AppServices;
  /** Introspection. Default: false. */
  introspection?: boolean;
  /** Apollo Sandbox landing page at `/graphql`. Default: false. */
  sandbox?: boolean;
  /** Stack traces in error responses (development only). Default: false. */
  includeStacktrace?: boolean;
  /** Largest JSON request body. Default: `'1mb'`. */
  bodyLimit?: string;
}

/** A started-or-not Ballast HTTP + WebSocket server. */
export interface BallastServer {
  apollo: ApolloServer<GraphQLContext>;
  httpServer: Server;
  /** Starts Apollo and listens; resolves with the bound URL of `/graphql`. */
  listen(port: number, host: string): Promise<string>;
  /** Stops taking work, drains HTTP and WebSocket operations, closes sockets. */
  stop(): Promise<void>;
}

/**
 * Express 5 + Apollo Server 5 + graphql-ws, one schema and one context factory, WebSocket on
 * the same `/graphql` path as HTTP. Owns no database: `services` are closed by the caller.
 */
export function createServer(options: ServerOptions): BallastServer {
  const { services } = options;
  const schema = buildSchema();
  const app = express();
  const httpServer = createHttpServer(app);
  const createContext = createContextFactory(services);
  const formatError = createErrorFormatter({
    logger: services.logger,
    includeStacktrace: options.includeStacktrace ?? false,
  });
  const ws = attachWebSocketServer({ httpServer, schema, createContext, formatError });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: options.includeStacktrace ?? false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) },
      options.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });

  let started = false;
  return {
    apollo,
    httpServer,
    async listen(port, host) {
      await apollo.start();
      started = true;
      app.get('/healthz', (_req, res) => void res.json({ ok: true }));
      app.use(
        '/graphql',
        express.json({ limit: options.bodyLimit ?? '1mb' }),
        expressMiddleware(apollo, { context: () => createContext() }),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}/graphql`;
    },
    async stop() {
      if (started) await apollo.stop();
      else httpServer.close();
    },
  };
}
