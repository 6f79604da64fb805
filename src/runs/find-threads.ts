import type pg from 'pg';
import { readKeysetPage, type KeysetPage, type KeysetWindow } from './keyset-page.js';
import type { ThreadRow } from './run-row.js';

/** The columns of {@link ThreadRow}. */
export const THREAD_COLUMNS = 'id, workspace_id, collection_id, created_at, last_activity_at';

/** Options of {@link listThreads}. */
export interface ThreadFilter {
  /** Only threads over this collection (a uuid). Default: every collection. */
  collectionId?: string | null;
}

/**
 * One page of the threads of `workspaceId`, newest activity first (`last_activity_at`, then
 * id): a thread asked again moves to the front.
 */
export async function listThreads(
  pool: pg.Pool,
  workspaceId: string,
  filter: ThreadFilter,
  window: KeysetWindow,
): Promise<KeysetPage<ThreadRow>> {
  return readKeysetPage<ThreadRow>(
    pool,
    {
      columns: THREAD_COLUMNS,
      table: 'threads',
      atColumn: 'last_activity_at',
      where: 'workspace_id = $1 AND ($2::uuid IS NULL OR collection_id = $2::uuid)',
      params: [workspaceId, filter.collectionId ?? null],
    },
    window,
  );
}
