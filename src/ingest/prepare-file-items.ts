import type pg from 'pg';
import { AppError, type ErrorCode } from '../errors.js';
import { detectFormat } from '../files/detect-format.js';
import { FILE_PART_BYTES } from '../files/file-row.js';
import { findFilesByIds, readFileBytes } from '../files/find-files.js';
import type { PendingItem } from './plan-document.js';
import type { FileReaderPool } from './file-reader-pool.js';
import { prepareItems } from './prepare-items.js';

// Failures that are the file's own: they fail its document and no other.
const FILE_FAILURES = new Set<ErrorCode>([
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_DOCUMENT',
  'BAD_USER_INPUT',
  'NOT_FOUND',
]);

/**
 * Turns the batch's items made from files (format `file`) into text items, in the worker and
 * never on the request path: reads the file (its first part alone when that is enough to refuse
 * it), detects its format by content, then declared type, then name, cleans and redacts it, and
 * stores the result on the item (text, format, PII counts, added to the job's) so a retry starts
 * from the redacted text and the raw file never reaches a chunk or the embedding model; a PDF's
 * page starts are stored beside its text. An item whose file is gone, in a format that cannot be
 * read, unreadable (encrypted, corrupt, truncated) or empty fails alone, with `NOT_FOUND`,
 * `UNSUPPORTED_MEDIA_TYPE`, `INVALID_DOCUMENT` or `BAD_USER_INPUT`; the other items go on.
 * Reading, cleaning and redaction run on `reader`'s threads, off the event loop.
 * @returns the items ready to plan, in order.
 */
export async function prepareFileItems(
  pool: pg.Pool,
  items: readonly PendingItem[],
  reader: FileReaderPool,
): Promise<PendingItem[]> {
  return prepareItems(pool, items, 'file', FILE_FAILURES, (item) =>
    prepareFileItem(pool, item, reader),
  );
}

async function prepareFileItem(
  pool: pg.Pool,
  item: PendingItem,
  reader: FileReaderPool,
): Promise<PendingItem> {
  const gone = new AppError('NOT_FOUND', 'the file was deleted before it could be ingested');
  if (!item.fileId) throw gone;
  const [file] = await findFilesByIds(pool, item.workspaceId, [item.fileId]);
  if (!file) throw gone;
  const head = await readFileBytes(pool, item.workspaceId, file.id, FILE_PART_BYTES);
  if (!head) throw gone;
  const detected = detectFormat(head, file.media_type, file.name);
  if (!detected.readable) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `the file's content is ${detected.mediaType}, which cannot be ingested: give text, Markdown, HTML, PDF or DOCX`,
      { details: { mediaType: detected.mediaType } },
    );
  }
  const content =
    head.length >= file.bytes ? head : await readFileBytes(pool, item.workspaceId, file.id);
  if (!content) throw gone;
  const prepared = await reader.prepare(detected.format, content);
  // One statement: the item's text and the job's PII counts change together, and only once
  // (a retry finds the item no longer in format `file`).
  const updated = await pool.query<{ pii_counts: PendingItem['piiCounts'] }>(
    `WITH item AS (
       UPDATE ingest_job_items SET text = $3, format = $4, page_starts = $6::int[],
         pii_counts = (
           SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb) FROM (
             SELECT key, sum(value::int) AS total
             FROM (SELECT * FROM jsonb_each_text(ingest_job_items.pii_counts)
                   UNION ALL SELECT * FROM jsonb_each_text($5::jsonb)) AS e
             GROUP BY key) AS s)
       WHERE job_id = $1 AND ordinal = $2 AND status = 'pending' AND format = 'file'
       RETURNING pii_counts
     ), job AS (
       UPDATE ingest_jobs SET pii_counts = (
           SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb) FROM (
             SELECT key, sum(value::int) AS total
             FROM (SELECT * FROM jsonb_each_text(ingest_jobs.pii_counts)
                   UNION ALL SELECT * FROM jsonb_each_text($5::jsonb)) AS e
             GROUP BY key) AS s)
       WHERE id = $1 AND EXISTS (SELECT 1 FROM item)
     )
     SELECT pii_counts FROM item`,
    [
      item.jobId,
      item.ordinal,
      prepared.text,
      detected.format,
      JSON.stringify(prepared.piiCounts),
      prepared.pageStarts,
    ],
  );
  const piiCounts = updated.rows[0]?.pii_counts ?? item.piiCounts;
  return {
    ...item,
    format: detected.format,
    text: prepared.text,
    piiCounts,
    pageStarts: prepared.pageStarts,
  };
}
