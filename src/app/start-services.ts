import type { AppConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createInProcessNotifier } from '../events/in-process-notifier.js';
import type { Notifier } from '../events/notifier.js';
import { createPostgresNotifier } from '../events/postgres-notifier.js';
import type { AppServices } from '../graphql/context.js';
import { startIngestWorker } from '../ingest/ingest-worker.js';
import { createJobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import { createModelRegistry, type ModelRegistryDeps } from '../models/registry.js';
import type { ModelsConfig } from '../models/config.js';

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
  jobs: Omit<AppConfig['jobs'], 'concurrency'> & {
    /** Default: 2 on PostgreSQL, 1 embedded. */
    concurrency?: number;
    pollingIntervalSeconds?: number;
  };
}

/** The running services and how to stop them. */
export interface RunningServices extends AppServices {
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
  if (options.jobs.worker) {
    await startIngestWorker({
      queue,
      db,
      notifier,
      embedder: models.embedding,
      logger,
      soleWorker: db.mode === 'EMBEDDED',
      concurrency: options.jobs.concurrency ?? (db.mode === 'POSTGRES' ? 2 : 1),
    });
  }
  return {
    db,
    logger,
    version: options.version,
    models,
    queue,
    notifier,
    async stop() {
      await queue.stop();
      await models.close();
      await notifier.close();
    },
  };
}
