// Wires Ballast together and starts it. No logic lives here.
//
// Start order, for a short time to first answer: the embedded database starts in its own thread
// before the GraphQL server, the services and LangGraph are even loaded, so the two overlap;
// those modules are imported dynamically below for that reason only. The ready line logs when
// each phase ended (`startupPhasesMs`; `npm run bench -- startup` reports them).
import { loadConfig, type AppConfig } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createLogger, exitOnStartupFailure, routeProcessOutputToLogger } from './logger.js';
import { metricsAccess } from './server/metrics-access.js';
import { onShutdownSignal } from './server/shutdown.js';
import { SERVER_VERSION } from './version.js';

// Everything the process prints is a JSON log line, from the first statement on: a bad
// environment, a database that refuses, a crash.
const bootLogger = createLogger();
routeProcessOutputToLogger(bootLogger);
let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  exitOnStartupFailure(bootLogger, error);
}

const logger = createLogger({ level: config.logLevel });
routeProcessOutputToLogger(logger);
try {
  await start(config);
} catch (error) {
  exitOnStartupFailure(logger, error);
}

async function start(config: AppConfig): Promise<void> {
  // Milliseconds since the process started (performance.now()'s origin), at the end of each phase.
  const marks: Record<string, number> = { modules: performance.now() };
  const opening = openDatabase(config.database, logger).then(async (db) => {
    marks['database'] = performance.now();
    try {
      const version = await migrate(db.pool, { logger });
      marks['migrations'] = performance.now();
      return { db, version };
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  });
  // PostgreSQL answers in milliseconds: the modules are loaded once it did. Loading them during
  // its startup wait also broke that wait on Node 20: a garbage collection loses the deadline of
  // `waitForDatabase` (an `AbortSignal.any` of an `AbortSignal.timeout`), and an unreachable
  // DATABASE_URL was probed forever instead of failing after 5 s.
  if (config.database.mode === 'POSTGRES') await opening;
  const loading = Promise.all([
    import('./app/start-services.js'),
    import('./server/create-server.js'),
  ]).then((modules) => {
    marks['serverModules'] = performance.now();
    return modules;
  });
  // Handled below, once the database is open: a database that fails is reported at once.
  loading.catch(() => undefined);
  // The token counter's tables take ~0.6 s of this thread to build, on first use: at the first
  // chunked document, that would stall every request in flight. The embedded database is still
  // opening in its own thread when the modules are in, so it is built then, for free; PostgreSQL
  // is open by now, so there it is built just after the server listens.
  const warmTokens = async () => {
    const { warmTokenCounter } = await import('./governance/token-budget.js');
    warmTokenCounter();
    marks['tokenCounter'] = performance.now();
  };
  if (config.database.mode === 'EMBEDDED') void loading.then(warmTokens, () => undefined);
  const { db, version: schemaVersion }: { db: Database; version: number } = await opening;
  let modules: Awaited<typeof loading>;
  try {
    modules = await loading;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const [{ startServices }, { createServer }] = modules;
  const services = await startServices({
    db,
    logger,
    version: SERVER_VERSION,
    models: config.models,
    databaseUrl: config.database.mode === 'POSTGRES' ? config.database.url : undefined,
    jobs: config.jobs,
    retention: config.retention,
    telemetry: config.telemetry,
    auth: config.auth,
    rateLimits: config.rateLimits,
    urlFetch: config.urlFetch,
    keepIngestedFiles: config.files.keepAfterIngest,
  });
  if (config.auth.mode === 'open') {
    logger.warn(
      { host: config.host },
      'AUTHENTICATION IS OFF: every caller acts as admin of the default workspace. ' +
        'This is only allowed on a loopback address; set BALLAST_AUTH=required to serve others.',
    );
  }
  const metrics = metricsAccess(config.auth.mode, config.telemetry.metricsToken);
  if (metrics.kind === 'closed') {
    logger.warn(
      '/metrics is closed: set BALLAST_METRICS_TOKEN to let a scraper in with that bearer token',
    );
  }
  const server = createServer({
    services,
    introspection: config.introspection,
    sandbox: config.sandbox,
    explorer: config.explorer,
    includeStacktrace: config.nodeEnv === 'development',
    allowedOrigins: config.allowedOrigins,
    maxFileBytes: config.files.maxBytes,
    metrics,
  });
  onShutdownSignal({
    logger,
    shutdown: async () => {
      await server.stop();
      await services.stop();
      await db.close();
    },
  });
  marks['services'] = performance.now();
  const url = await server.listen(config.port, config.host);
  marks['listening'] = performance.now();
  if (config.database.mode === 'POSTGRES') setImmediate(() => void warmTokens());
  logger.info(
    {
      url,
      databaseMode: db.mode,
      schemaVersion,
      models: services.models.status().map((m) => `${m.role.toLowerCase()}:${m.id}`),
      sandbox: config.sandbox,
      startupMs: Math.round(performance.now()),
      startupPhasesMs: Object.fromEntries(
        Object.entries(marks).map(([phase, at]) => [phase, Math.round(at)]),
      ),
    },
    `Ballast ${SERVER_VERSION} ready at ${url}`,
  );
}
