import type pg from 'pg';
import type { IngestBatchPayload } from './ingest-job-row.js';
import { sourceKeyOf } from './ingest-input.js';
import type { PendingItem } from './plan-document.js';

/** The still-pending items of a batch, in order (done or failed ones are skipped). */
export async function loadPendingItems(
  pool: pg.Pool,
  payload: IngestBatchPayload,
): Promise<PendingItem[]> {
  const result = await pool.query<{
    ordinal: number;
    workspace_id: string;
    collection_id: string;
    title: string;
    source_uri: string | null;
    format: string;
    metadata: Record<string, unknown>;
    text: string;
    pii_counts: PendingItem['piiCounts'];
    file_id: string | null;
    url: string | null;
    page_starts: number[];
  }>(
    `SELECT i.ordinal, i.workspace_id, j.collection_id, i.title, i.source_uri, i.format,
            i.metadata, i.text, i.pii_counts, i.file_id, i.url, i.page_starts
     FROM ingest_job_items i JOIN ingest_jobs j ON j.id = i.job_id
     WHERE i.job_id = $1 AND i.ordinal = ANY($2::int[]) AND i.status = 'pending'
     ORDER BY i.ordinal`,
    [payload.jobId, payload.ordinals],
  );
  return result.rows.map((row) => ({
    jobId: payload.jobId,
    ordinal: row.ordinal,
    workspaceId: row.workspace_id,
    collectionId: row.collection_id,
    title: row.title,
    sourceUri: row.source_uri,
    sourceKey: sourceKeyOf({ title: row.title, sourceUri: row.source_uri }),
    format: row.format,
    metadata: row.metadata,
    text: row.text,
    piiCounts: row.pii_counts,
    fileId: row.file_id,
    url: row.url,
    pageStarts: row.page_starts,
  }));
}
