// Wires Ballast together and starts it. No logic lives here.
import { startServices } from './app/start-services.js';
import { loadConfig, type AppConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createLogger, exitOnStartupFailure, routeProcessOutputToLogger } from './logger.js';
import { createServer } from './server/create-server.js';
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
  const started = performance.now();
  const db = await openDatabase(config.database, logger);
  const schemaVersion = await migrate(db.pool, { logger });
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
    includeStacktrace: config.nodeEnv === 'development',
    allowedOrigins: config.allowedOrigins,
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
  const url = await server.listen(config.port, config.host);
  logger.info(
    {
      url,
      databaseMode: db.mode,
      schemaVersion,
      models: services.models.status().map((m) => `${m.role.toLowerCase()}:${m.id}`),
      sandbox: config.sandbox,
      startupMs: Math.round(performance.now() - started),
    },
    `Ballast ${SERVER_VERSION} ready at ${url}`,
  );
}
