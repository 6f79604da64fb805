-- Keyset pagination of `threads`: newest activity first, id as the tie-breaker, per
-- workspace and per collection (the optional filter).
CREATE INDEX threads_workspace_activity_idx
  ON threads (workspace_id, last_activity_at DESC, id DESC);
CREATE INDEX threads_collection_activity_idx
  ON threads (collection_id, last_activity_at DESC, id DESC);
