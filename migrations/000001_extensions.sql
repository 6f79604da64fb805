-- pgvector for embeddings. Needs the extension installed on the server
-- (scripts/install-pgvector.sh on Debian; the pgvector container image has it).
CREATE EXTENSION IF NOT EXISTS vector;
