import type { GraphQLFormattedError } from 'graphql';
import { createServer, type BallastServer } from '../../src/server/create-server.js';
import { metricsAccess } from '../../src/server/metrics-access.js';
import { startServices, type RunningServices } from '../../src/app/start-services.js';
import { OPEN_PRINCIPAL, type AuthMode } from '../../src/auth/authenticate.js';
import type { Principal } from '../../src/auth/principal.js';
import type { RateLimitSettings } from '../../src/security/rate-limits.js';
import type { UrlFetchPolicy } from '../../src/files/url-policy.js';
import { createContextFactory } from '../../src/graphql/context.js';
import { createLogger, silentLogger, type Logger } from '../../src/logger.js';
import type { Database } from '../../src/db/database.js';
import { DEFAULT_MODELS_CONFIG, type ModelsConfig } from '../../src/models/config.js';
import type { ModelRegistryDeps } from '../../src/models/registry.js';

/** A running server over a test database, and a way to run operations in-process. */
export interface TestServer {
  server: BallastServer;
  /** The `/graphql` URL on an ephemeral port. */
  url: string;
  services: RunningServices;
  /** Runs an operation through Apollo (`executeOperation`) with a fresh context. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    principal?: Principal,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
  stop(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  db: Database;
  /** Production mode: no stack traces, no introspection. Default: false. */
  production?: boolean;
  logger?: Logger;
  /** Default: the local models. */
  models?: ModelsConfig;
  modelDeps?: Omit<ModelRegistryDeps, 'logger'>;
  /** The PostgreSQL URL, for cross-process notifications; undefined in embedded mode. */
  databaseUrl?: string;
  /** Run the ingest worker. Default: true. */
  worker?: boolean;
  /** Job expiry, for crash tests. Default: 300 s. */
  jobExpireInSeconds?: number;
  /** Run lease, for crash tests. Default: 30 s. */
  runLeaseSeconds?: number;
  /** Default: open. */
  authMode?: AuthMode;
  jwtSecret?: string;
  rateLimits?: RateLimitSettings;
  allowedOrigins?: string[];
  /** Bearer token for `/metrics` (see `metricsAccess`). Default: none. */
  metricsToken?: string;
  /** How long an open WebSocket's credentials are trusted. Default: the server's (5 s). */
  credentialsRecheckMs?: number;
  /** Largest file `POST /files` accepts. Default: the server's (50 MiB). */
  maxFileBytes?: number;
  /** What the ingest worker may fetch for a `url`. Default: the server's (public hosts only). */
  urlFetch?: Partial<UrlFetchPolicy>;
  /** Keep files once their documents are indexed. Default: false, as the server. */
  keepIngestedFiles?: boolean;
}

/** Starts a Ballast server on 127.0.0.1, port 0. The caller destroys the database. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const services = await startServices({
    db: options.db,
    logger: options.logger ?? silentLogger,
    version: 'test',
    models: options.models ?? DEFAULT_MODELS_CONFIG,
    ...(options.modelDeps ? { modelDeps: options.modelDeps } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    auth: {
      mode: options.authMode ?? 'open',
      jwt: options.jwtSecret ? { secret: options.jwtSecret } : undefined,
    },
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.urlFetch ? { urlFetch: options.urlFetch } : {}),
    ...(options.keepIngestedFiles ? { keepIngestedFiles: true } : {}),
    jobs: {
      worker: options.worker ?? true,
      expireInSeconds: options.jobExpireInSeconds ?? 300,
      maintenanceIntervalSeconds: 1,
      pollingIntervalSeconds: 0.5,
      ...(options.runLeaseSeconds ? { runLeaseSeconds: options.runLeaseSeconds } : {}),
    },
  });
  const production = options.production ?? false;
  const server = createServer({
    services,
    introspection: !production,
    sandbox: !production,
    includeStacktrace: !production,
    allowedOrigins: options.allowedOrigins ?? [],
    metrics: metricsAccess(options.authMode ?? 'open', options.metricsToken),
    ...(options.credentialsRecheckMs ? { credentialsRecheckMs: options.credentialsRecheckMs } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  });
  const url = await server.listen(0, '127.0.0.1');
  const createContext = createContextFactory(services);
  return {
    server,
    url,
    services,
    async execute(query, variables, principal = OPEN_PRINCIPAL) {
      const response = await server.apollo.executeOperation(
        { query, variables },
        { contextValue: await createContext(principal) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as never;
    },
    async stop() {
      await server.stop();
      await services.stop();
    },
  };
}

export { createLogger };
