import type pg from 'pg';
import { FILE_COLUMNS, FILE_PART_BYTES, type FileRow } from './file-row.js';

/** Completely uploaded files of the workspace among `ids`; others' and unknown ids are left out. */
export async function findFilesByIds(
  pool: pg.Pool | pg.PoolClient,
  workspaceId: string,
  ids: readonly string[],
): Promise<FileRow[]> {
  const result = await pool.query<FileRow>(
    `SELECT ${FILE_COLUMNS} FROM files
     WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND status = 'ready'`,
    [workspaceId, ids],
  );
  return result.rows;
}

/**
 * Up to `maxBytes` of a stored file from its start (whole parts: at most one part more), or null
 * when the workspace has no such ready file. A part at a time is fetched, so the largest result
 * of one statement is one part.
 */
export async function readFileBytes(
  pool: pg.Pool,
  workspaceId: string,
  fileId: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Buffer | null> {
  const [file] = await findFilesByIds(pool, workspaceId, [fileId]);
  if (!file) return null;
  const parts: Buffer[] = [];
  let read = 0;
  for (let ordinal = 0; read < Math.min(file.bytes, maxBytes); ordinal++) {
    const result = await pool.query<{ data: Buffer }>(
      'SELECT data FROM file_parts WHERE file_id = $1 AND workspace_id = $2 AND ordinal = $3',
      [fileId, workspaceId, ordinal],
    );
    const part = result.rows[0]?.data;
    if (!part) break;
    parts.push(part);
    read += part.length;
    if (part.length < FILE_PART_BYTES) break;
  }
  return Buffer.concat(parts);
}
