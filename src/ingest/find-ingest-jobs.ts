import type pg from 'pg';
import { toErrorCode, type ErrorCode } from '../errors.js';
import { INGEST_JOB_COLUMNS, type IngestJobRow } from './ingest-job-row.js';

/** The ingestion jobs of `workspaceId` among `ids` (for DataLoader and subscriptions). */
export async function findIngestJobsByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<IngestJobRow[]> {
  const result = await pool.query<IngestJobRow>(
    `SELECT ${INGEST_JOB_COLUMNS} FROM ingest_jobs WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** A failed document of a job, as `IngestJob.errors` shows it. */
export interface IngestItemError {
  documentIndex: number;
  title: string;
  /** Why it failed (stored by `markItemsFailed`). */
  code: ErrorCode;
  message: string;
}

/** The failed documents of one job, in submission order. */
export async function findIngestErrors(pool: pg.Pool, jobId: string): Promise<IngestItemError[]> {
  const result = await pool.query<Omit<IngestItemError, 'code'> & { code: string | null }>(
    `SELECT ordinal AS "documentIndex", title, error_code AS code, error_message AS message
     FROM ingest_job_items WHERE job_id = $1 AND status = 'failed' ORDER BY ordinal`,
    [jobId],
  );
  return result.rows.map((row) => ({ ...row, code: toErrorCode(row.code) }));
}
