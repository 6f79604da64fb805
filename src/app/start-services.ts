import type { AppConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createInProcessNotifier } from '../events/in-process-notifier.js';
import type { Notifier } from '../events/notifier.js';
import { createPostgresNotifier } from '../events/postgres-notifier.js';
import type { AppServices } from '../graphql/context.js';
import { createFileReaderPool, type FileReaderPool } from '../ingest/file-reader-pool.js';
import { startIngestWorker } from '../ingest/ingest-worker.js';
import { createJobQueue } from '../jobs/job-queue.js';
import { DEFAULT_FILE_MAX_BYTES } from '../files/file-row.js';
import { DEFAULT_URL_FETCH, type UrlFetchPolicy } from '../files/url-policy.js';
import type { Logger } from '../logger.js';
import { createModelRegistry, type ModelRegistryDeps } from '../models/registry.js';
import type { ModelsConfig } from '../models/config.js';
import { buildAgenticRagGraph, hybridRetriever } from '../../graphs/agentic-rag/index.js';
import { createAnswerCache } from '../cache/index.js';
import { openCheckpointSaver } from '../checkpoints/index.js';
import { ActiveRuns } from '../runs/active-runs.js';
import { RunLogFeed } from '../runs/run-log-feed.js';
import { agenticRagRunner } from '../runs/agentic-rag-runner.js';
import { startRunWorker, type RunWorker } from '../runs/run-worker.js';
import { startMaintenance, type MaintenanceOptions } from './maintenance.js';
import {
  activeTelemetry,
  configureTelemetry,
  observeServices,
  type TelemetrySettings,
} from '../telemetry/index.js';
import { createAuthenticator, type AuthMode } from '../auth/authenticate.js';
import { createJwtVerifier, type JwtSettings } from '../auth/jwt.js';
import { createRateLimits, type RateLimitSettings } from '../security/rate-limits.js';

/** Options of {@link startServices}. */
export interface StartServicesOptions {
  db: Database;
  logger: Logger;
  version: string;
  models: ModelsConfig;
  /** Test hooks for the model registry (clock, backoff). Default: none. */
  modelDeps?: Omit<ModelRegistryDeps, 'logger'>;
  /** The database URL in server mode, for the LISTEN connection; undefined when embedded. */
  databaseUrl?: string;
  /** Who may call. Default: open (no credentials needed; loopback only, see config.ts). */
  auth?: { mode: AuthMode; jwt?: JwtSettings | undefined };
  /** Request rate and model-token budgets. Default: see `createRateLimits`. */
  rateLimits?: RateLimitSettings;
  /** Content capture and trace store size (`config.telemetry`). Default: off, 200 traces. */
  telemetry?: Partial<TelemetrySettings>;
  /**
   * What the ingest worker may fetch for a document's `url`. Default: public hosts only, the
   * upload size limit (50 MiB), 30 s, 5 redirects.
   */
  urlFetch?: Partial<UrlFetchPolicy>;
  /** Retention of run events and checkpoints. Default: 7 days and 30 days. */
  retention?: Pick<
    MaintenanceOptions,
    'runEventsRetentionMs' | 'checkpointIdleMs' | 'fileUnusedMs'
  >;
  /** Keep a file after its document is indexed. Default: false (deleted once indexed). */
  keepIngestedFiles?: boolean;
  jobs: Omit<
    AppConfig['jobs'],
    | 'concurrency'
    | 'runConcurrency'
    | 'runLeaseSeconds'
    | 'ingestLeaseSeconds'
    | 'databaseOutageGraceSeconds'
  > & {
    /** Default: 2 on PostgreSQL, 1 embedded. */
    concurrency?: number;
    pollingIntervalSeconds?: number;
    /** A run not renewed within this is resumed by another process. Default: 30 s. */
    runLeaseSeconds?: number;
    /** Runs executed at once. Default: 10 on PostgreSQL, 4 embedded. */
    runConcurrency?: number | undefined;
    /** An ingest batch not renewed within this is retried by another process. Default: 30 s. */
    ingestLeaseSeconds?: number;
    /** How long a run waits for an unreachable database before it fails. Default: 60 s. */
    databaseOutageGraceSeconds?: number;
  };
}

/** The running services and how to stop them. */
export interface RunningServices extends AppServices {
  /** The ingest worker's file reader threads; null when this process runs no worker. */
  fileReader: FileReaderPool | null;
  /** Stops workers, the notifier and model calls; the caller closes the database. */
  stop(): Promise<void>;
}

/**
 * Builds every long-lived service on an open, migrated database: models, the job queue and
 * its worker, cross-process notifications. Shared by `main.ts` and the tests, so both run the
 * same wiring.
 */
export async function startServices(options: StartServicesOptions): Promise<RunningServices> {
  const { db, logger } = options;
  const models = createModelRegistry(options.models, { ...options.modelDeps, logger });
  if (options.telemetry) configureTelemetry(options.telemetry);
  const stopObserving = observeServices({ models, pool: db.pool });
  const notifier: Notifier = options.databaseUrl
    ? await createPostgresNotifier({ url: options.databaseUrl, pool: db.pool, logger })
    : createInProcessNotifier();
  const queue = createJobQueue({
    db,
    logger,
    expireInSeconds: options.jobs.expireInSeconds,
    maintenanceIntervalSeconds: options.jobs.maintenanceIntervalSeconds,
    ...(options.jobs.pollingIntervalSeconds
      ? { pollingIntervalSeconds: options.jobs.pollingIntervalSeconds }
      : {}),
  });
  await queue.start();
  const checkpointer = await openCheckpointSaver(db.pool);
  const graph = buildAgenticRagGraph({
    router: models.chat,
    embedder: models.embedding,
    retrieve: hybridRetriever(db.pool, models.embedding),
    cache: createAnswerCache(db.pool),
    checkpointer,
    logger,
  });
  const activeRuns = new ActiveRuns();
  const runLog = new RunLogFeed(db.pool, notifier, {
    executesHere: (runId) => activeRuns.writer(runId) !== undefined,
  });
  const limits = createRateLimits(db.pool, options.rateLimits);
  const authenticate = createAuthenticator({
    pool: db.pool,
    mode: options.auth?.mode ?? 'open',
    jwt: options.auth?.jwt ? createJwtVerifier(options.auth.jwt) : undefined,
  });
  const stopMaintenance = options.jobs.worker
    ? startMaintenance({ db, logger, ...options.retention })
    : null;
  let runWorker: RunWorker | null = null;
  let fileReader: FileReaderPool | null = null;
  if (options.jobs.worker) {
    const ingestConcurrency = options.jobs.concurrency ?? (db.mode === 'POSTGRES' ? 2 : 1);
    // Threads start on the first file; one embedded (PGlite has its own), at most two else.
    fileReader = createFileReaderPool({
      threads: db.mode === 'POSTGRES' ? Math.min(ingestConcurrency, 2) : 1,
    });
    runWorker = await startRunWorker({
      queue,
      db,
      notifier,
      logger,
      activeRuns,
      graph: agenticRagRunner(graph),
      soleWorker: db.mode === 'EMBEDDED',
      concurrency: options.jobs.runConcurrency ?? (db.mode === 'POSTGRES' ? 10 : 4),
      ...(options.jobs.runLeaseSeconds ? { leaseSeconds: options.jobs.runLeaseSeconds } : {}),
      ...(options.jobs.databaseOutageGraceSeconds
        ? { databaseOutageGraceMs: options.jobs.databaseOutageGraceSeconds * 1000 }
        : {}),
    });
    await startIngestWorker({
      queue,
      db,
      notifier,
      embedder: models.embedding,
      logger,
      urlFetch: {
        allowLoopback: false,
        allowedHosts: [],
        maxBytes: DEFAULT_FILE_MAX_BYTES,
        ...DEFAULT_URL_FETCH,
        ...options.urlFetch,
      },
      fileReader,
      keepIngestedFiles: options.keepIngestedFiles ?? false,
      soleWorker: db.mode === 'EMBEDDED',
      concurrency: ingestConcurrency,
      ...(options.jobs.ingestLeaseSeconds ? { leaseSeconds: options.jobs.ingestLeaseSeconds } : {}),
    });
  }
  return {
    db,
    logger,
    version: options.version,
    models,
    fileReader,
    queue,
    notifier,
    activeRuns,
    runLog,
    checkpointer,
    authenticate,
    limits,
    async stop() {
      stopMaintenance?.();
      runWorker?.stop();
      await queue.stop();
      await fileReader?.close();
      await limits.flush();
      await models.close();
      runLog.close();
      await notifier.close();
      stopObserving();
      // Spans still batched would be lost when the process exits.
      await activeTelemetry()?.forceFlush();
    },
  };
}
