import type pg from 'pg';
import { readKeysetPage, type KeysetPage, type KeysetWindow } from '../runs/keyset-page.js';
import { COLLECTION_COLUMNS, type CollectionRow } from './collection-row.js';

/** The collections of `workspaceId` among `ids`, in no particular order (for DataLoader). */
export async function findCollectionsByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<CollectionRow[]> {
  const result = await pool.query<CollectionRow>(
    `SELECT ${COLLECTION_COLUMNS} FROM collections
     WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** One page of the collections of `workspaceId`, newest first (`created_at`, then id). */
export async function pageCollections(
  pool: pg.Pool,
  workspaceId: string,
  window: KeysetWindow,
): Promise<KeysetPage<CollectionRow>> {
  return readKeysetPage<CollectionRow>(
    pool,
    {
      columns: COLLECTION_COLUMNS,
      table: 'collections',
      atColumn: 'created_at',
      where: 'workspace_id = $1',
      params: [workspaceId],
    },
    window,
  );
}
