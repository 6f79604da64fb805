import type { JobQueue } from '../jobs/job-queue.js';
import { traceIngestBatch } from '../telemetry/index.js';
import { ensureMissingCollectionIndexes } from './collection-index.js';
import { INGEST_QUEUE, type IngestBatchPayload } from './ingest-job-row.js';
import { processIngestBatch, type IngestWorkerDeps } from './process-batch.js';

/** Options of {@link startIngestWorker}. */
export interface StartIngestWorkerOptions extends IngestWorkerDeps {
  queue: JobQueue;
  /**
   * This process is the only worker (embedded mode): batches left active by a previous,
   * dead process are re-queued at once instead of waiting for their expiry. Default: false.
   */
  soleWorker?: boolean;
  /** Batches processed at once by this process. Default: 1. */
  concurrency?: number;
}

/** Starts working the ingest queue in this process; each batch is one `ingest batch` span. */
export async function startIngestWorker(options: StartIngestWorkerOptions): Promise<void> {
  const { queue, soleWorker: _sole, concurrency: _concurrency, ...deps } = options;
  await queue.ensureQueue(INGEST_QUEUE);
  if (options.soleWorker) {
    const requeued = await queue.requeueOrphans(INGEST_QUEUE);
    if (requeued > 0) deps.logger.info({ requeued }, 'ingest batches of a dead process re-queued');
  }
  const built = await ensureMissingCollectionIndexes(deps.db.pool);
  if (built > 0) deps.logger.info({ built }, 'missing collection indexes built');
  for (let i = 0; i < (options.concurrency ?? 1); i++) {
    await queue.work<IngestBatchPayload>(INGEST_QUEUE, (payload, attempt) =>
      traceIngestBatch(
        {
          jobId: payload.jobId,
          documents: payload.ordinals.length,
          lastAttempt: attempt.lastAttempt,
          traceParent: payload.traceParent,
        },
        () => processIngestBatch(deps, payload, attempt.lastAttempt),
      ),
    );
  }
}
