import type pg from 'pg';
import type { ErrorCode } from '../errors.js';
import { fetchUrl, type ResolveHost } from '../files/fetch-url.js';
import { deleteFiles, storeFile } from '../files/store-file.js';
import type { UrlFetchPolicy } from '../files/url-policy.js';
import type { PendingItem } from './plan-document.js';
import { prepareItems } from './prepare-items.js';

// Failures that are the URL's own: they fail its document and no other.
const URL_FAILURES = new Set<ErrorCode>([
  'FORBIDDEN_URL',
  'URL_UNREACHABLE',
  'TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]);

/**
 * Turns the batch's items given by a URL (format `url`) into file items: fetches each with
 * {@link fetchUrl}'s guards, streams the body into a stored file of the item's workspace, and
 * points the item at it (format `file`), so the file path reads, detects, cleans and redacts it
 * next and a retry never fetches twice. An item whose URL is refused or fails fails alone with
 * the code `fetchUrl` gave; the other items go on.
 * @param resolve how host names are resolved. Default: the system resolver.
 * @returns the items, in order, those of failed URLs left out.
 */
export async function fetchUrlItems(
  pool: pg.Pool,
  policy: UrlFetchPolicy,
  items: readonly PendingItem[],
  resolve?: ResolveHost,
): Promise<PendingItem[]> {
  return prepareItems(pool, items, 'url', URL_FAILURES, async (item) => {
    const fileId = await fetchIntoFile(pool, policy, item, resolve);
    return fileId ? { ...item, format: 'file', fileId, url: null } : null;
  });
}

// The stored file's id, or null when the item was taken meanwhile (its file is then deleted).
async function fetchIntoFile(
  pool: pg.Pool,
  policy: UrlFetchPolicy,
  item: PendingItem,
  resolve: ResolveHost | undefined,
): Promise<string | null> {
  const fetched = await fetchUrl(item.url ?? '', policy, resolve);
  const file = await storeFile(
    pool,
    item.workspaceId,
    { name: fetched.name, mediaType: fetched.mediaType },
    fetched.body,
    () => false,
  );
  if (!file) return null;
  const updated = await pool.query(
    `UPDATE ingest_job_items SET format = 'file', file_id = $3, url = NULL
     WHERE job_id = $1 AND ordinal = $2 AND status = 'pending' AND format = 'url'`,
    [item.jobId, item.ordinal, file.id],
  );
  if (updated.rowCount === 1) return file.id;
  await deleteFiles(pool, item.workspaceId, [file.id]);
  return null;
}
