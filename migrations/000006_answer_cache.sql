-- Answers served again for the same or a similar question in the same collection. An entry is
-- valid only while every chunk it cited still exists with the text it had when it was cited:
-- readers compare answer_cache_citations with chunks, so a re-ingested, edited or deleted
-- document retires the answers built on it instead of replaying them.
CREATE TABLE answer_cache (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  -- sha256 of the normalized redacted question: the exact-match key.
  question_hash text NOT NULL,
  -- Already redacted: raw user text never reaches this table.
  question text NOT NULL,
  -- Vectors of two embedding models are not comparable; lookups filter on the model.
  embedding_model text NOT NULL,
  -- Untyped like chunks.embedding: the dimension is the embedding model's.
  embedding vector NOT NULL,
  answer jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (collection_id, question_hash)
);

-- chunk_id is deliberately not a foreign key: a deleted chunk must leave its citation behind,
-- so the entry reads as stale rather than quietly losing a citation.
CREATE TABLE answer_cache_citations (
  entry_id uuid NOT NULL REFERENCES answer_cache (id) ON DELETE CASCADE,
  chunk_id uuid NOT NULL,
  -- sha256 of the chunk text in NFC (the definition of chunks.content_hash).
  content_hash text NOT NULL,
  PRIMARY KEY (entry_id, chunk_id)
);
