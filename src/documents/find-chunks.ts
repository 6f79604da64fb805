import type pg from 'pg';
import { readKeysetPage, type KeysetPage, type KeysetWindow } from '../runs/keyset-page.js';
import { CHUNK_COLUMNS, type ChunkRow } from './document-row.js';

/** The chunks of `workspaceId` among `ids` (for DataLoader). */
export async function findChunksByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<ChunkRow[]> {
  const result = await pool.query<ChunkRow>(
    `SELECT ${CHUNK_COLUMNS} FROM chunks WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** One page of a document's chunks in reading order (`ordinal`). */
export async function pageChunks(
  pool: pg.Pool,
  workspaceId: string,
  documentId: string,
  window: KeysetWindow,
): Promise<KeysetPage<ChunkRow>> {
  return readKeysetPage<ChunkRow>(
    pool,
    {
      columns: CHUNK_COLUMNS,
      table: 'chunks',
      atColumn: 'ordinal',
      atType: 'int',
      ascending: true,
      where: 'workspace_id = $1 AND document_id = $2::uuid',
      params: [workspaceId, documentId],
    },
    window,
  );
}
