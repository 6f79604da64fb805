-- A document is identified within its collection by source_key (its sourceUri, else its
-- title), so re-ingesting it updates it in place instead of duplicating it.
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  source_key text NOT NULL,
  title text NOT NULL,
  source_uri text,
  format text NOT NULL CHECK (format IN ('text', 'html', 'markdown')),
  metadata jsonb NOT NULL DEFAULT '{}',
  -- sha256 of the cleaned, redacted text: unchanged hash → nothing to do.
  content_hash text NOT NULL,
  chunk_count integer NOT NULL DEFAULT 0,
  pii_counts jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (collection_id, source_key)
);

CREATE INDEX documents_collection_created_idx
  ON documents (collection_id, created_at DESC, id DESC);

-- Chunks carry the collection and workspace so retrieval filters without a join.
-- The embedding column is untyped: each collection fixes its dimension, and a partial
-- HNSW index per collection indexes (embedding::vector(D)) for that collection alone.
CREATE TABLE chunks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  text text NOT NULL,
  heading_path text[] NOT NULL DEFAULT '{}',
  token_count integer NOT NULL,
  content_hash text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  embedding vector NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (document_id, content_hash)
);

CREATE INDEX chunks_document_ordinal_idx ON chunks (document_id, ordinal);
CREATE INDEX chunks_collection_hash_idx ON chunks (collection_id, content_hash);
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
CREATE INDEX chunks_metadata_idx ON chunks USING gin (metadata jsonb_path_ops);
