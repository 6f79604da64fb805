import { startServices, type RunningServices } from '../src/app/start-services.js';
import type { Database } from '../src/db/database.js';
import { silentLogger } from '../src/logger.js';
import { DEFAULT_MODELS_CONFIG } from '../src/models/config.js';
import { DEFAULT_WORKSPACE_ID } from '../src/workspaces/default-workspace.js';
import { freshDatabase, type BenchDatabase } from './_support.js';

/** A fresh database of one mode with the services running (ingest worker on, local models). */
export interface IngestBench {
  bench: BenchDatabase;
  services: RunningServices;
  /** Adds a collection to the default workspace; its id. */
  newCollection(name: string): Promise<string>;
}

/** Starts an {@link IngestBench}; the caller stops the services and destroys the database. */
export async function startIngestBench(mode: Database['mode']): Promise<IngestBench> {
  const bench = await freshDatabase(mode);
  const services = await startServices({
    db: bench.db,
    logger: silentLogger,
    version: 'bench',
    models: DEFAULT_MODELS_CONFIG,
    databaseUrl: bench.url,
    jobs: { worker: true, expireInSeconds: 600, maintenanceIntervalSeconds: 60 },
  });
  const newCollection = async (name: string) =>
    (
      await bench.db.pool.query<{ id: string }>(
        `INSERT INTO collections (workspace_id, name) VALUES ($1, $2) RETURNING id`,
        [DEFAULT_WORKSPACE_ID, name],
      )
    ).rows[0]!.id;
  return { bench, services, newCollection };
}
