import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { FILE_COLUMNS, FILE_PART_BYTES, type FileRow } from './file-row.js';

/** What the client said about a file. */
export interface FileDescription {
  name: string;
  mediaType: string;
}

/**
 * Stores a file as it streams in: its row first ('uploading', invisible), then one 1 MiB part
 * per statement as the bytes arrive (at most a part and one network chunk in memory, and no
 * transaction or connection held between parts, so a slow client never pins the embedded
 * database's one session), then its size and sha256 (computed on the way) when it is whole.
 * A failed or cut-short stream deletes what was stored.
 * @param truncated read once the stream has ended: true when the parser cut the file at the
 *   size limit; the file is then deleted and null returned.
 */
export async function storeFile(
  pool: pg.Pool,
  workspaceId: string,
  description: FileDescription,
  stream: Readable,
  truncated: () => boolean,
): Promise<FileRow | null> {
  const created = await pool.query<{ id: string }>(
    'INSERT INTO files (workspace_id, name, media_type) VALUES ($1, $2, $3) RETURNING id',
    [workspaceId, description.name, description.mediaType],
  );
  const fileId = created.rows[0]!.id;
  const hash = createHash('sha256');
  let bytes = 0;
  let ordinal = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const writePart = async (data: Buffer) => {
    await pool.query(
      'INSERT INTO file_parts (file_id, workspace_id, ordinal, data) VALUES ($1, $2, $3, $4)',
      [fileId, workspaceId, ordinal++, data],
    );
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= FILE_PART_BYTES) {
        const joined = Buffer.concat(pending);
        await writePart(joined.subarray(0, FILE_PART_BYTES));
        const rest = joined.subarray(FILE_PART_BYTES);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
      }
    }
    if (truncated()) {
      await deleteFiles(pool, workspaceId, [fileId]);
      return null;
    }
    if (pendingBytes > 0) await writePart(Buffer.concat(pending));
    const done = await pool.query<FileRow>(
      `UPDATE files SET bytes = $2, sha256 = $3, status = 'ready' WHERE id = $1
       RETURNING ${FILE_COLUMNS}`,
      [fileId, bytes, hash.digest('hex')],
    );
    return done.rows[0]!;
  } catch (error) {
    await deleteFiles(pool, workspaceId, [fileId]).catch(() => undefined);
    throw error;
  }
}

/** Deletes files of the workspace with their parts. */
export async function deleteFiles(
  pool: pg.Pool,
  workspaceId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await pool.query('DELETE FROM files WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [
    workspaceId,
    ids,
  ]);
}

/**
 * Deletes uploads still streaming in after `olderThanMs`: their process died mid-upload (a live
 * upload deletes itself when it fails or its client goes away).
 * @returns how many were deleted.
 */
export async function pruneAbandonedUploads(pool: pg.Pool, olderThanMs: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM files
     WHERE status = 'uploading' AND created_at < now() - make_interval(secs => $1::double precision)`,
    [olderThanMs / 1000],
  );
  return result.rowCount ?? 0;
}
