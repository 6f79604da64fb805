-- A job item given by a URL: `format` is 'url' and `url` the address until the ingest worker
-- has fetched it into a file (then `format` is 'file', `file_id` that file and `url` null).
ALTER TABLE ingest_job_items ADD COLUMN url text;
