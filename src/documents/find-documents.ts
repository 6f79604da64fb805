import type pg from 'pg';
import { readKeysetPage, type KeysetPage, type KeysetWindow } from '../runs/keyset-page.js';
import { DOCUMENT_COLUMNS, type DocumentRow } from './document-row.js';

/** The documents of `workspaceId` among `ids` (for DataLoader). */
export async function findDocumentsByIds(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<DocumentRow[]> {
  const result = await pool.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return result.rows;
}

/** One page of a collection's documents, newest first (`created_at`, then id). */
export async function pageDocuments(
  pool: pg.Pool,
  workspaceId: string,
  collectionId: string,
  window: KeysetWindow,
): Promise<KeysetPage<DocumentRow>> {
  return readKeysetPage<DocumentRow>(
    pool,
    {
      columns: DOCUMENT_COLUMNS,
      table: 'documents',
      atColumn: 'created_at',
      where: 'workspace_id = $1 AND collection_id = $2::uuid',
      params: [workspaceId, collectionId],
    },
    window,
  );
}

/** Document and chunk counts of each collection among `ids`. */
export async function countCollectionContents(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, { documents: number; chunks: number }>> {
  const result = await pool.query<{ id: string; documents: number; chunks: number }>(
    `SELECT c.id,
       (SELECT count(*) FROM documents d WHERE d.collection_id = c.id)::int AS documents,
       (SELECT count(*) FROM chunks k WHERE k.collection_id = c.id)::int AS chunks
     FROM collections c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(result.rows.map((r) => [r.id, { documents: r.documents, chunks: r.chunks }]));
}

/**
 * Deletes a document of `workspaceId` with its chunks (by cascade).
 * @returns false when there was no such document.
 */
export async function deleteDocument(
  pool: pg.Pool,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await pool.query('DELETE FROM documents WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
  return (result.rowCount ?? 0) > 0;
}
