/** Status of an ingestion job. */
export type IngestJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** An `ingest_jobs` row as the GraphQL layer receives it. */
export interface IngestJobRow {
  id: string;
  workspace_id: string;
  collection_id: string;
  status: IngestJobStatus;
  documents_total: number;
  documents_done: number;
  documents_failed: number;
  chunks_total: number;
  chunks_embedded: number;
  chunks_reused: number;
  chunks_deleted: number;
  pii_counts: Record<string, number>;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** The columns of {@link IngestJobRow}. */
export const INGEST_JOB_COLUMNS = `id, workspace_id, collection_id, status, documents_total,
  documents_done, documents_failed, chunks_total, chunks_embedded, chunks_reused,
  chunks_deleted, pii_counts, created_at, started_at, finished_at`;

/** True once a job will change no more. */
export function isFinished(status: IngestJobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

/** The payload of one queued batch: which items of which job. */
export interface IngestBatchPayload {
  jobId: string;
  ordinals: number[];
  /** W3C `traceparent` of the submitting operation, when it was traced. */
  traceParent?: string;
}

/** Name of the pg-boss queue of ingestion batches. */
export const INGEST_QUEUE = 'ingest-batch';
