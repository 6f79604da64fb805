import type pg from 'pg';

/**
 * Deletes the files a batch's finished items (indexed or failed) were made from, uploaded or
 * fetched from a URL, once no pending item of any job still needs them: the raw file is kept
 * only until its document is indexed (unless `BALLAST_FILE_KEEP_AFTER_INGEST`). Idempotent.
 * @returns how many files were deleted.
 */
export async function releaseIngestedFiles(
  pool: pg.Pool,
  batch: { jobId: string; ordinals: readonly number[] },
): Promise<number> {
  const result = await pool.query(
    `DELETE FROM files f
     USING ingest_job_items i
     WHERE i.job_id = $1 AND i.ordinal = ANY($2::int[]) AND i.status <> 'pending'
       AND f.id = i.file_id
       AND NOT EXISTS (
         SELECT 1 FROM ingest_job_items p WHERE p.file_id = f.id AND p.status = 'pending')`,
    [batch.jobId, batch.ordinals],
  );
  return result.rowCount ?? 0;
}

/**
 * Deletes uploaded files that no ingestion ever named within `olderThanMs` of their upload
 * (`BALLAST_FILE_UNUSED_HOURS`).
 * @returns how many were deleted.
 */
export async function pruneUnusedFiles(pool: pg.Pool, olderThanMs: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM files f
     WHERE f.status = 'ready'
       AND f.created_at < now() - make_interval(secs => $1::double precision)
       AND NOT EXISTS (SELECT 1 FROM ingest_job_items i WHERE i.file_id = f.id)`,
    [olderThanMs / 1000],
  );
  return result.rowCount ?? 0;
}
