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
import { DEFAULT_FILE_MAX_BYTES } from '../files/file-row.js';
import { createErrorFormatter } from '../graphql/errors.js';
import { buildSchema } from '../graphql/schema.js';
import { serveMetrics, telemetryPlugin } from '../telemetry/index.js';
import { createQueryLimits } from '../security/query-limits.js';
import { authorizationPlugin } from './authorization-plugin.js';
import { corsForAllowedOrigins } from './cors.js';
import { uploadFiles } from './files-route.js';
import { httpAuth, originAllowList, principalOf } from './http-auth.js';
import { httpErrors } from './http-errors.js';
import { guardMetrics, type MetricsAccess } from './metrics-access.js';
import { explorerAssets } from './explorer/assets.js';
import { explorerLandingPage } from './explorer/landing-page.js';
import { EXPLORER_ASSETS_PATH, type ExplorerMode } from './explorer/mode.js';
import { serveExplorerAssets } from './explorer/routes.js';
import { attachWebSocketServer } from './websocket.js';

/**
 * Largest JSON request body over HTTP: 20 MiB, as ingestion accepts up to 16 MiB of documents.
 * A larger body is refused with 413 `PAYLOAD_TOO_LARGE` naming the limit (`extensions.limitBytes`).
 */
export const HTTP_MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Options of {@link createServer}. */
export interface ServerOptions {
  services: AppServices;
  /** Introspection. Default: false. */
  introspection?: boolean;
  /** Apollo Sandbox landing page at `/graphql`. Default: false. */
  sandbox?: boolean;
  /** Which explorer that landing page opens (see `ExplorerMode`). Default: `auto`. */
  explorer?: ExplorerMode;
  /** Stack traces in error responses (development only). Default: false. */
  includeStacktrace?: boolean;
  /** Largest JSON request body, in bytes. Default: {@link HTTP_MAX_BODY_BYTES} (20 MiB). */
  maxBodyBytes?: number;
  /** Largest file `POST /files` accepts, in bytes (`BALLAST_FILE_MAX_BYTES`). Default: 50 MiB. */
  maxFileBytes?: number;
  /** Browser origins allowed on HTTP and WebSocket; empty allows every origin. Default: []. */
  allowedOrigins?: readonly string[];
  /** Who may read `/metrics` (see `metricsAccess`). Default: closed. */
  metrics?: MetricsAccess;
  /** How long an open WebSocket's credentials are trusted before they are checked again. Default: 5 s. */
  credentialsRecheckMs?: number;
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
  const limits = createQueryLimits();
  const ws = attachWebSocketServer({
    httpServer,
    rules: { schema, validationRules: limits.validationRules, maxTokens: limits.maxTokens },
    services,
    allowedOrigins: options.allowedOrigins ?? [],
    createContext,
    formatError,
    ...(options.credentialsRecheckMs ? { credentialsRecheckMs: options.credentialsRecheckMs } : {}),
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: options.includeStacktrace ?? false,
    formatError,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    plugins: [
      ...limits.apolloPlugins,
      authorizationPlugin({ schema, validationRules: limits.validationRules }),
      telemetryPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) },
      landingPage(options),
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
      app.get('/metrics', guardMetrics(options.metrics ?? { kind: 'closed' }), serveMetrics);
      if (options.sandbox && (options.explorer ?? 'auto') !== 'sandbox') {
        // Before `/graphql`'s authentication: the page that loads these files is public too.
        app.get(
          `/graphql${EXPLORER_ASSETS_PATH}/:file`,
          serveExplorerAssets(explorerAssets(), services.logger),
        );
      }
      // Before the origin check: a preflight (OPTIONS) carries no credentials.
      app.use(['/graphql', '/files'], corsForAllowedOrigins(options.allowedOrigins ?? []));
      app.use(
        '/graphql',
        originAllowList(options.allowedOrigins ?? []),
        httpAuth(services.authenticate, services.limits),
        express.json({ limit: options.maxBodyBytes ?? HTTP_MAX_BODY_BYTES }),
        expressMiddleware(apollo, { context: async ({ req }) => createContext(principalOf(req)) }),
      );
      // Same origin check, credentials and rate limit as `/graphql`; the writer role, as a mutation.
      app.post(
        '/files',
        originAllowList(options.allowedOrigins ?? []),
        httpAuth(services.authenticate, services.limits),
        uploadFiles({
          pool: services.db.pool,
          maxFileBytes: options.maxFileBytes ?? DEFAULT_FILE_MAX_BYTES,
        }),
      );
      app.use(httpErrors(services.logger));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', (error: Error & { code?: string }) =>
          reject(error.code === 'EADDRINUSE' ? portInUse(port, host) : error),
        );
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

function landingPage(options: ServerOptions) {
  if (!options.sandbox) return ApolloServerPluginLandingPageProductionDefault({ footer: false });
  const mode = options.explorer ?? 'auto';
  if (mode === 'sandbox') return ApolloServerPluginLandingPageLocalDefault({ embed: true });
  return explorerLandingPage({ mode, assetsPath: `/graphql${EXPLORER_ASSETS_PATH}` });
}

// Typically a second `npm start`: say which variable moves it.
function portInUse(port: number, host: string): Error & { code: string } {
  return Object.assign(
    new Error(`port ${port} on ${host} is already in use: stop what holds it or set PORT`),
    { code: 'EADDRINUSE' },
  );
}
