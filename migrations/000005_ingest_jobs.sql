CREATE TABLE ingest_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'QUEUED'
    CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  documents_total integer NOT NULL,
  documents_done integer NOT NULL DEFAULT 0,
  documents_failed integer NOT NULL DEFAULT 0,
  chunks_total integer NOT NULL DEFAULT 0,
  chunks_embedded integer NOT NULL DEFAULT 0,
  chunks_reused integer NOT NULL DEFAULT 0,
  chunks_deleted integer NOT NULL DEFAULT 0,
  pii_counts jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3)
);

CREATE INDEX ingest_jobs_collection_idx ON ingest_jobs (collection_id, created_at DESC);

-- One row per submitted document, stored already cleaned and redacted: raw PII never
-- reaches the database. A worker that dies mid-item leaves it 'pending' for the retry.
CREATE TABLE ingest_job_items (
  job_id uuid NOT NULL REFERENCES ingest_jobs (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  title text NOT NULL,
  source_uri text,
  format text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  text text NOT NULL,
  pii_counts jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  error_code text,
  error_message text,
  document_id uuid REFERENCES documents (id) ON DELETE SET NULL,
  PRIMARY KEY (job_id, ordinal)
);
