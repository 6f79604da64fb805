import type pg from 'pg';
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

/** One page (`limit + 1` rows) of a document's chunks in reading order, after an ordinal. */
export async function listChunks(
  pool: pg.Pool,
  workspaceId: string,
  documentId: string,
  limit: number,
  afterOrdinal: number | null,
): Promise<ChunkRow[]> {
  const result = await pool.query<ChunkRow>(
    `SELECT ${CHUNK_COLUMNS} FROM chunks
     WHERE workspace_id = $1 AND document_id = $2 AND ($3::int IS NULL OR ordinal > $3)
     ORDER BY ordinal LIMIT $4`,
    [workspaceId, documentId, afterOrdinal, limit + 1],
  );
  return result.rows;
}
