import type pg from 'pg';
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

/** Keyset position: the last row seen, newest-first order. */
export interface CollectionKey {
  createdAt: Date;
  id: string;
}

/**
 * One page of collections, newest first, strictly after `after`.
 * Fetches `limit + 1` rows so the caller knows whether another page exists.
 */
export async function listCollections(
  pool: pg.Pool,
  workspaceId: string,
  limit: number,
  after: CollectionKey | null,
): Promise<CollectionRow[]> {
  const result = await pool.query<CollectionRow>(
    `SELECT ${COLLECTION_COLUMNS} FROM collections
     WHERE workspace_id = $1
       AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $4`,
    [workspaceId, after?.createdAt ?? null, after?.id ?? null, limit + 1],
  );
  return result.rows;
}
