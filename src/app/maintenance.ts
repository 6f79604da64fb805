import { pruneCheckpoints } from '../checkpoints/index.js';
import type { Database } from '../db/database.js';
import { pruneUnusedFiles } from '../files/release-files.js';
import { pruneAbandonedUploads } from '../files/store-file.js';
import type { Logger } from '../logger.js';
import { pruneRunEvents } from '../runs/prune-run-events.js';

/** Retention settings of {@link startMaintenance}. */
export interface MaintenanceOptions {
  db: Database;
  logger: Logger;
  /** Event logs of runs finished longer ago are deleted. Default: 7 days. */
  runEventsRetentionMs?: number;
  /** Threads idle longer keep only their latest checkpoint. Default: 30 days. */
  checkpointIdleMs?: number;
  /** Uploaded files no ingestion named within this are deleted. Default: 24 hours. */
  fileUnusedMs?: number;
  /** How often retention runs. Default: 1 hour. */
  intervalMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** An upload still streaming in after this long was abandoned by a process that died. */
export const ABANDONED_UPLOAD_MS = DAY;

/** One retention pass: old run events, old checkpoints, abandoned uploads, unused files. */
export async function runMaintenance(options: MaintenanceOptions): Promise<void> {
  const events = await pruneRunEvents(options.db.pool, options.runEventsRetentionMs ?? 7 * DAY);
  const checkpoints = await pruneCheckpoints(options.db.pool, {
    idleFor: options.checkpointIdleMs ?? 30 * DAY,
    keepLatest: 1,
  });
  const uploads = await pruneAbandonedUploads(options.db.pool, ABANDONED_UPLOAD_MS);
  const files = await pruneUnusedFiles(options.db.pool, options.fileUnusedMs ?? DAY);
  if (events > 0 || checkpoints.checkpoints > 0 || uploads > 0 || files > 0) {
    options.logger.info({ events, checkpoints, uploads, files }, 'retention pruned old data');
  }
}

/**
 * Runs retention now and then every `intervalMs`; idempotent, so every replica may run it.
 * @returns a function that stops it.
 */
export function startMaintenance(options: MaintenanceOptions): () => void {
  const pass = () =>
    runMaintenance(options).catch((error: unknown) =>
      options.logger.warn({ err: error }, 'retention pass failed'),
    );
  void pass();
  const timer = setInterval(() => void pass(), options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
