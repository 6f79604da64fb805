CREATE TABLE collections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description text,
  -- Fixed by the first ingestion; a later mismatch is an error, never a mixed index.
  embedding_model text,
  embedding_dimensions integer CHECK (embedding_dimensions > 0),
  -- Millisecond precision so keyset cursors round-trip exactly through JavaScript Dates.
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

-- Keyset pagination: newest first, id as the tie-breaker.
CREATE INDEX collections_workspace_created_idx
  ON collections (workspace_id, created_at DESC, id DESC);
