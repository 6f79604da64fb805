/** Largest file `POST /files` accepts by default (`BALLAST_FILE_MAX_BYTES`): 50 MiB. */
export const DEFAULT_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** Bytes of one stored part of a file (`file_parts.data`). */
export const FILE_PART_BYTES = 1024 * 1024;

/** A stored, completely uploaded file (`files` row). */
export interface FileRow {
  id: string;
  workspace_id: string;
  name: string;
  media_type: string;
  /** bigint, read as a number: a file is at most 1 GiB. */
  bytes: number;
  sha256: string;
  created_at: Date;
}

/** The columns of {@link FileRow}, for `SELECT` and `RETURNING`. */
export const FILE_COLUMNS =
  'id, workspace_id, name, media_type, bytes::int AS bytes, sha256, created_at';
