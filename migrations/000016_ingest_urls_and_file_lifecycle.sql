-- A job item given by a URL: `format` is 'url' and `url` the address until the ingest worker
-- has fetched it into a file (then `format` is 'file', `file_id` that file and `url` null).
ALTER TABLE ingest_job_items ADD COLUMN url text;

-- Files are deleted once no pending item needs them, and expire when no item ever named them:
-- both ask which items name a file.
CREATE INDEX ingest_job_items_file_idx ON ingest_job_items (file_id) WHERE file_id IS NOT NULL;
