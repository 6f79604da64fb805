import type pg from 'pg';
import type { ErrorCode } from '../errors.js';
import type { IngestBatchPayload } from './ingest-job-row.js';

/** QUEUED → RUNNING, stamping the start time once. */
export async function markJobRunning(pool: pg.Pool, jobId: string): Promise<void> {
  await pool.query(
    `UPDATE ingest_jobs SET status = 'RUNNING', started_at = coalesce(started_at, now())
     WHERE id = $1 AND status = 'QUEUED'`,
    [jobId],
  );
}

/** Marks the batch's still-pending items failed with a client-safe code and message. */
export async function markItemsFailed(
  pool: pg.Pool,
  payload: IngestBatchPayload,
  code: ErrorCode,
  message: string,
): Promise<void> {
  await pool.query(
    `WITH failed AS (
       UPDATE ingest_job_items SET status = 'failed', error_code = $3, error_message = $4, text = ''
       WHERE job_id = $1 AND ordinal = ANY($2::int[]) AND status = 'pending'
       RETURNING 1
     )
     UPDATE ingest_jobs SET documents_failed = documents_failed + (SELECT count(*) FROM failed)
     WHERE id = $1`,
    [payload.jobId, payload.ordinals, code, message],
  );
}

/**
 * Ends the job once every document is done or failed: SUCCEEDED when at least one document
 * was indexed (failures are listed on the job), FAILED when none was.
 * @returns the job's collection id when this call ended the job, else null.
 */
export async function finishJobIfDone(pool: pg.Pool, jobId: string): Promise<string | null> {
  const result = await pool.query<{ collection_id: string }>(
    `UPDATE ingest_jobs
     SET status = CASE WHEN documents_done > 0 THEN 'SUCCEEDED' ELSE 'FAILED' END,
         finished_at = now(), started_at = coalesce(started_at, now())
     WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')
       AND documents_done + documents_failed >= documents_total
     RETURNING collection_id`,
    [jobId],
  );
  return result.rows[0]?.collection_id ?? null;
}
