import type { Database } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';
import { CHANNELS, type Notifier } from '../events/notifier.js';
import type { Logger } from '../logger.js';
import { releaseIngestedFiles } from '../files/release-files.js';
import type { UrlFetchPolicy } from '../files/url-policy.js';
import type { EmbeddingModel } from '../models/types.js';
import { ensureCollectionIndexWhenIdle } from './collection-index.js';
import { claimCollectionEmbedding } from './embedding-compat.js';
import { finishJobIfDone, markItemsFailed, markJobRunning } from './job-progress.js';
import type { IngestBatchPayload } from './ingest-job-row.js';
import { loadPendingItems } from './load-pending-items.js';
import { planDocuments, type PendingItem } from './plan-document.js';
import { fetchUrlItems } from './fetch-url-items.js';
import type { FileReaderPool } from './file-reader-pool.js';
import { prepareFileItems } from './prepare-file-items.js';
import { writeBatch } from './write-batch.js';

/** What the ingest worker needs. */
export interface IngestWorkerDeps {
  db: Database;
  notifier: Notifier;
  embedder: EmbeddingModel;
  logger: Logger;
  /** What fetching a document's `url` may do. */
  urlFetch: UrlFetchPolicy;
  /** The threads that read, clean and redact files (see `createFileReaderPool`). */
  fileReader: FileReaderPool;
  /** Keep a file after its document is indexed (`BALLAST_FILE_KEEP_AFTER_INGEST`). Default: false. */
  keepIngestedFiles?: boolean;
}

/**
 * Runs one queued batch: plans its pending documents against what is stored, embeds only
 * the chunks whose text is new to the collection (no connection is held during the call),
 * then commits the batch in one transaction. Safe to run again after a crash: committed
 * items are skipped, and nothing half-written is ever committed.
 * @param lastAttempt when true, a failure marks the batch's documents failed instead of
 *   throwing for a retry.
 */
export async function processIngestBatch(
  deps: IngestWorkerDeps,
  payload: IngestBatchPayload,
  lastAttempt: boolean,
): Promise<void> {
  const { db, notifier } = deps;
  const publish = () => notifier.publish(CHANNELS.ingestJob, payload.jobId);
  const pending = await loadPendingItems(db.pool, payload);
  if (pending.length > 0) {
    await markJobRunning(db.pool, payload.jobId);
    await publish();
    try {
      // URLs are fetched into files, and files read, detected, cleaned and redacted here; one
      // that cannot be fetched or read fails alone.
      const fetched = await fetchUrlItems(db.pool, deps.urlFetch, pending);
      const items = await prepareFileItems(db.pool, fetched, deps.fileReader);
      if (items.length > 0) await indexItems(deps, items);
      await publish();
    } catch (error) {
      const permanent =
        isAppError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND');
      if (!permanent && !lastAttempt) throw error;
      deps.logger.warn({ err: error, jobId: payload.jobId }, 'ingest batch failed');
      const code = isAppError(error) ? error.code : 'INTERNAL_SERVER_ERROR';
      const message = isAppError(error) ? error.message : 'the document could not be indexed';
      await markItemsFailed(db.pool, payload, code, message);
      await publish();
    }
  }
  await finishBatch(deps, payload);
}

// Plans the items against what is stored, embeds the new chunks, writes the batch.
async function indexItems(deps: IngestWorkerDeps, items: readonly PendingItem[]): Promise<void> {
  const { db, embedder } = deps;
  const collectionId = items[0]!.collectionId;
  await claimCollectionEmbedding(db.pool, collectionId, embedder);

  const { plans, reusable } = await planDocuments(db.pool, items);
  const texts = new Map<string, string>();
  for (const plan of plans) {
    for (const chunk of plan.chunks)
      if (plan.toEmbed.has(chunk.hash)) texts.set(chunk.hash, chunk.text);
  }
  const vectors = new Map(reusable);
  if (texts.size > 0) {
    const embedded = await embedder.embed([...texts.values()]);
    [...texts.keys()].forEach((hash, i) =>
      vectors.set(hash, checkedVector(embedded[i], embedder.dimensions)),
    );
  }
  await writeBatch(db.pool, plans, vectors, embedder.dimensions);
}

// Deletes the files the batch no longer needs, ends the job when this batch was its last, then
// builds the collection's index if due.
async function finishBatch(deps: IngestWorkerDeps, payload: IngestBatchPayload): Promise<void> {
  const { db, embedder } = deps;
  if (!deps.keepIngestedFiles) await releaseIngestedFiles(db.pool, payload);
  const publish = () => deps.notifier.publish(CHANNELS.ingestJob, payload.jobId);
  const finishedCollection = await finishJobIfDone(db.pool, payload.jobId);
  if (finishedCollection) {
    // Building the index once after the first bulk load is far cheaper than growing it row by
    // row; until then the collection is searched exactly (a scan), which is correct. Embedded
    // collections are always searched exactly: the build is one statement of seconds (8 s for
    // 300 documents here) on the embedded database's only session, which every request waits
    // behind, while a scan of an embedded-sized collection takes milliseconds.
    if (db.mode === 'POSTGRES') {
      await ensureCollectionIndexWhenIdle(db.pool, finishedCollection, embedder.dimensions);
    }
    await publish();
  }
}

function checkedVector(vector: number[] | undefined, dimensions: number): number[] {
  if (!vector || vector.length !== dimensions || !vector.every(Number.isFinite)) {
    throw new AppError(
      'INVALID_MODEL_OUTPUT',
      `the embedding model returned a vector that is not ${dimensions} finite numbers`,
    );
  }
  return vector;
}
