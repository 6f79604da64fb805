-- Files uploaded with `POST /files`, ingested later by `DocumentInput.fileId`.
--
-- The bytes live in ordinary rows of `bytea` parts (1 MiB each, written as the upload streams
-- in) rather than in large objects or on local disk:
--   * any replica of the server reads them through the same pool it reads everything else
--     with, so the worker that ingests a file need not be the process that received it;
--   * they work unchanged on the embedded database (PGlite), and `pg_dump`, logical
--     replication and `ON DELETE CASCADE` treat them like any other row (large objects need
--     `lo_*` calls inside a transaction, are dumped separately, are not replicated logically
--     and are orphaned when their referencing row goes);
--   * a part is a bounded amount of memory on both sides: neither the upload nor the worker
--     ever needs a file whole in one statement.
-- Every part carries its workspace, so a read is filtered by workspace like every other.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- As the client declared it; the ingest worker detects the real format from the content.
  media_type text NOT NULL,
  bytes bigint NOT NULL DEFAULT 0,
  -- Hex sha256 of the whole file; null while the upload is still streaming in.
  sha256 text,
  -- 'uploading' until every part is stored: only 'ready' files are visible or ingestible.
  status text NOT NULL DEFAULT 'uploading' CHECK (status IN ('uploading', 'ready')),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE INDEX files_workspace_created_idx ON files (workspace_id, created_at DESC);

CREATE TABLE file_parts (
  file_id uuid NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (file_id, ordinal)
);

-- A job item made from a file: `format` is 'file' and `text` empty until the ingest worker
-- has read, detected, cleaned and redacted it (then `format` is what it detected).
ALTER TABLE ingest_job_items
  ADD COLUMN file_id uuid REFERENCES files (id) ON DELETE SET NULL;
