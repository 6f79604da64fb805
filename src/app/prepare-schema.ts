import { openCheckpointSaver } from '../checkpoints/index.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createJobQueue } from '../jobs/job-queue.js';
import { silentLogger } from '../logger.js';

/**
 * Creates everything a new database holds before any service starts on it: the application's
 * migrations, the job queue's schema (pg-boss) and the checkpoint tables. Idempotent: the server
 * runs the same steps as it starts, so a database prepared by an older version catches up.
 * Used for templates (the embedded template of `npm run build`, the tests' template databases).
 * @returns the schema version.
 */
export async function prepareSchema(db: Database): Promise<number> {
  const version = await migrate(db.pool);
  const queue = createJobQueue({ db, logger: silentLogger });
  await queue.start();
  await queue.stop();
  await openCheckpointSaver(db.pool);
  return version;
}
