-- Files in PDF and DOCX are ingested, and a PDF's chunks remember the pages they span.

ALTER TABLE documents DROP CONSTRAINT documents_format_check;
ALTER TABLE documents
  ADD CONSTRAINT documents_format_check CHECK (format IN ('text', 'html', 'markdown', 'pdf', 'docx'));

-- 1-based page numbers the chunk's text comes from, ascending; empty for formats without pages.
ALTER TABLE chunks ADD COLUMN pages integer[] NOT NULL DEFAULT '{}';

-- Where each page of a prepared PDF item starts in its (cleaned, redacted) `text`, in UTF-16
-- code units: page n starts at element n. Empty for formats without pages.
ALTER TABLE ingest_job_items ADD COLUMN page_starts integer[] NOT NULL DEFAULT '{}';
