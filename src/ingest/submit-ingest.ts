import { setImmediate } from 'node:timers/promises';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { findFilesByIds } from '../files/find-files.js';
import { withTransaction } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';
import { CHANNELS, type Notifier } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { activeTraceParent } from '../telemetry/index.js';
import { planBatches } from './batches.js';
import {
  assertEmbeddingCompatible,
  findCollectionEmbedding,
  type EmbedderIdentity,
} from './embedding-compat.js';
import { parseIngestInput } from './ingest-input.js';
import {
  INGEST_JOB_COLUMNS,
  INGEST_QUEUE,
  type IngestBatchPayload,
  type IngestJobRow,
} from './ingest-job-row.js';
import { EMBEDDED_INGEST_BATCH } from './limits.js';
import {
  addCounts,
  prepareDocument,
  prepareFileDocument,
  prepareUrlDocument,
  type PreparedDocument,
} from './prepare-document.js';
import { decodeId } from '../graphql/ids.js';

const PREPARE_SLICE = 16;

/** What {@link submitIngest} needs. */
export interface SubmitIngestDeps {
  db: Database;
  queue: JobQueue;
  notifier: Notifier;
  embedder: EmbedderIdentity;
}

/**
 * Accepts documents for ingestion: validates, cleans and redacts them, then stores the job,
 * its items and its queued batches in one transaction, so an accepted job is never lost.
 * A document given by a file (`fileId`) is only checked to exist in the workspace: the worker
 * reads, detects, cleans and redacts it. Returns at once; the work is done by the ingest worker.
 * @throws {AppError} `BAD_USER_INPUT` for invalid input, `NOT_FOUND` for an unknown
 *   collection or file, `CONFLICT` when the collection was indexed with another embedding model.
 */
export async function submitIngest(
  deps: SubmitIngestDeps,
  workspaceId: string,
  collectionId: string,
  input: unknown,
): Promise<IngestJobRow> {
  const { documents } = parseIngestInput(input);
  const prepared: PreparedDocument[] = [];
  for (const [index, document] of documents.entries()) {
    prepared.push(
      document.fileId != null
        ? prepareFileDocument(document, fileUuid(document.fileId, index))
        : document.url != null
          ? prepareUrlDocument(document, document.url)
          : prepareDocument(document, index),
    );
    // Cleaning and redacting a thousand documents is a few hundred milliseconds of this thread:
    // other requests get their turn between slices instead of waiting for all of it.
    if (index % PREPARE_SLICE === PREPARE_SLICE - 1) await setImmediate();
  }
  const keys = new Set<string>();
  prepared.forEach((document, index) => {
    if (keys.has(document.sourceKey)) {
      throw new AppError(
        'BAD_USER_INPUT',
        'two documents of one call have the same sourceUri or title',
        {
          details: { field: `documents.${index}` },
        },
      );
    }
    keys.add(document.sourceKey);
  });
  const piiCounts = prepared.reduce((total, d) => addCounts(total, d.piiCounts), {});

  const job = await withTransaction(deps.db.pool, async (client) => {
    const row = await findCollectionEmbedding(client, workspaceId, collectionId);
    if (!row)
      throw new AppError('NOT_FOUND', 'collection not found', {
        details: { field: 'collectionId' },
      });
    assertEmbeddingCompatible(row, deps.embedder);
    await attachFileSizes(client, workspaceId, prepared);

    const inserted = await client.query<IngestJobRow>(
      `INSERT INTO ingest_jobs (workspace_id, collection_id, documents_total, pii_counts)
       VALUES ($1, $2, $3, $4) RETURNING ${INGEST_JOB_COLUMNS}`,
      [workspaceId, collectionId, prepared.length, JSON.stringify(piiCounts)],
    );
    const job = inserted.rows[0]!;
    await client.query(
      `INSERT INTO ingest_job_items
         (job_id, ordinal, workspace_id, title, source_uri, format, metadata, text, pii_counts,
          file_id, url)
       SELECT $1, x.ordinal, $2, x.title, x.source_uri, x.format, x.metadata, x.text, x.pii_counts,
              x.file_id, x.url
       FROM jsonb_to_recordset($3::jsonb) AS x(ordinal int, title text, source_uri text,
         format text, metadata jsonb, text text, pii_counts jsonb, file_id uuid, url text)`,
      [
        job.id,
        workspaceId,
        JSON.stringify(
          prepared.map((d, ordinal) => ({
            ordinal,
            title: d.title,
            source_uri: d.sourceUri,
            format: d.format,
            metadata: d.metadata,
            text: d.text,
            pii_counts: d.piiCounts,
            file_id: d.fileId,
            url: d.url,
          })),
        ),
      ],
    );
    const traceParent = activeTraceParent()?.traceParent;
    const batches =
      deps.db.mode === 'EMBEDDED'
        ? planBatches(prepared, EMBEDDED_INGEST_BATCH.documents, EMBEDDED_INGEST_BATCH.bytes)
        : planBatches(prepared);
    const payloads: IngestBatchPayload[] = batches.map((ordinals) => ({
      jobId: job.id,
      ordinals,
      ...(traceParent ? { traceParent } : {}),
    }));
    await deps.queue.enqueue(INGEST_QUEUE, payloads, client);
    return job;
  });
  deps.queue.wake(INGEST_QUEUE);
  await deps.notifier.publish(CHANNELS.ingestJob, job.id);
  return job;
}

// The uuid of a document's `fileId`; NOT_FOUND when it cannot name a file.
function fileUuid(fileId: string, index: number): string {
  const field = `documents.${index}.fileId`;
  let uuid: string | null;
  try {
    uuid = decodeId('File', fileId);
  } catch (error) {
    if (isAppError(error)) throw new AppError(error.code, error.message, { details: { field } });
    throw error;
  }
  if (uuid === null) throw new AppError('NOT_FOUND', 'file not found', { details: { field } });
  return uuid;
}

/**
 * Sets `bytes` on the documents given by files, from the workspace's completely uploaded files.
 * @throws {AppError} `NOT_FOUND` naming the first document whose file the workspace lacks.
 */
async function attachFileSizes(
  client: pg.PoolClient,
  workspaceId: string,
  prepared: PreparedDocument[],
): Promise<void> {
  const ids = prepared.flatMap((d) => (d.fileId ? [d.fileId] : []));
  if (ids.length === 0) return;
  const files = await findFilesByIds(client, workspaceId, [...new Set(ids)]);
  const sizes = new Map(files.map((f) => [f.id, f.bytes]));
  prepared.forEach((document, index) => {
    if (!document.fileId) return;
    const bytes = sizes.get(document.fileId);
    if (bytes === undefined) {
      throw new AppError('NOT_FOUND', 'file not found', {
        details: { field: `documents.${index}.fileId` },
      });
    }
    document.bytes = bytes;
  });
}
