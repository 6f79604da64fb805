-- Chunks copy workspace_id and collection_id from their document so retrieval filters without
-- a join. Their own foreign keys checked every inserted chunk twice more (about a tenth of a
-- chunk insert) and guarded nothing the document's key does not: the copies are written from
-- the document's job in the same statement, and deleting a workspace or collection reaches the
-- chunks through their documents (ON DELETE CASCADE).
ALTER TABLE chunks DROP CONSTRAINT chunks_workspace_id_fkey;
ALTER TABLE chunks DROP CONSTRAINT chunks_collection_id_fkey;
