import type { JobQueue } from '../jobs/job-queue.js';
import { traceIngestBatch } from '../telemetry/index.js';
import { ensureMissingCollectionIndexes } from './collection-index.js';
import { INGEST_QUEUE, type IngestBatchPayload } from './ingest-job-row.js';
import { processIngestBatch, type IngestWorkerDeps } from './process-batch.js';

/** Default lease of an ingest batch, the same as a run's. */
const DEFAULT_INGEST_LEASE_SECONDS = 30;

/** Options of {@link startIngestWorker}. */
export interface StartIngestWorkerOptions extends IngestWorkerDeps {
  queue: JobQueue;
  /**
   * This process is the only worker (embedded mode): batches left active by a previous,
   * dead process are re-queued at once instead of waiting for their lease. Default: false.
   */
  soleWorker?: boolean;
  /** Batches processed at once by this process. Default: 1. */
  concurrency?: number;
  /**
   * A batch whose process stops renewing this lease (it died) is retried by another
   * process; a live process keeps its batch however long it runs. Default: 30 s.
   */
  leaseSeconds?: number;
}

/** Starts working the ingest queue in this process; each batch is one `ingest batch` span. */
export async function startIngestWorker(options: StartIngestWorkerOptions): Promise<void> {
  const {
    queue,
    soleWorker: _sole,
    concurrency: _concurrency,
    leaseSeconds: _lease,
    ...deps
  } = options;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_INGEST_LEASE_SECONDS;
  await queue.ensureQueue(INGEST_QUEUE, { expireInSeconds: leaseSeconds });
  if (options.soleWorker) {
    const requeued = await queue.requeueOrphans(INGEST_QUEUE);
    if (requeued > 0) deps.logger.info({ requeued }, 'ingest batches of a dead process re-queued');
  }
  const built = await ensureMissingCollectionIndexes(deps.db.pool);
  if (built > 0) deps.logger.info({ built }, 'missing collection indexes built');
  for (let i = 0; i < (options.concurrency ?? 1); i++) {
    // Leased: a batch is idempotent per document (see processIngestBatch), so a try that
    // outlives its lease may run beside its retry.
    await queue.work<IngestBatchPayload>(
      INGEST_QUEUE,
      (payload, attempt) =>
        traceIngestBatch(
          {
            jobId: payload.jobId,
            documents: payload.ordinals.length,
            lastAttempt: attempt.lastAttempt,
            traceParent: payload.traceParent,
          },
          () => processIngestBatch(deps, payload, attempt.lastAttempt),
        ),
      { leaseSeconds },
    );
  }
}
