import type pg from 'pg';
import { withTransaction } from '../db/database.js';
import type { PlannedDocument } from './plan-document.js';

/** Counts one committed document contributes to its job. */
export interface WriteOutcome {
  chunks: number;
  embedded: number;
  reused: number;
  deleted: number;
}

/**
 * Commits one document in one transaction: upserts the document by source key, inserts its
 * new chunks, renumbers the kept ones, deletes the stale ones, marks its job item done and
 * adds to the job's counters. Locks the item first, so a retried batch running beside a
 * slow original writes each item once.
 * @returns null when another attempt already committed this item.
 */
export async function writeDocument(
  pool: pg.Pool,
  planned: PlannedDocument,
  vectors: ReadonlyMap<string, string>,
): Promise<WriteOutcome | null> {
  const { item } = planned;
  return withTransaction(pool, async (client) => {
    const lock = await client.query<{ status: string }>(
      'SELECT status FROM ingest_job_items WHERE job_id = $1 AND ordinal = $2 FOR UPDATE',
      [item.jobId, item.ordinal],
    );
    if (lock.rows[0]?.status !== 'pending') return null;

    const upserted = await client.query<{ id: string }>(
      `INSERT INTO documents (workspace_id, collection_id, source_key, title, source_uri, format,
         metadata, content_hash, pii_counts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (collection_id, source_key) DO UPDATE SET
         title = EXCLUDED.title, source_uri = EXCLUDED.source_uri, format = EXCLUDED.format,
         metadata = EXCLUDED.metadata, content_hash = EXCLUDED.content_hash,
         pii_counts = EXCLUDED.pii_counts, updated_at = now()
       RETURNING id`,
      [
        item.workspaceId,
        item.collectionId,
        item.sourceKey,
        item.title,
        item.sourceUri,
        item.format,
        JSON.stringify(item.metadata),
        planned.contentHash,
        JSON.stringify(item.piiCounts),
      ],
    );
    const documentId = upserted.rows[0]!.id;
    const outcome: WriteOutcome = {
      chunks: planned.chunks.length,
      embedded: 0,
      reused: 0,
      deleted: 0,
    };

    if (!planned.unchanged) {
      const fresh = planned.chunks.filter((c) => !planned.existingHashes.has(c.hash));
      outcome.embedded = fresh.filter((c) => planned.toEmbed.has(c.hash)).length;
      outcome.reused = fresh.length - outcome.embedded;
      await client.query(
        `INSERT INTO chunks (workspace_id, collection_id, document_id, ordinal, text, heading_path,
           token_count, content_hash, metadata, embedding)
         SELECT $1, $2, $3, x.ordinal, x.text, x.heading_path, x.token_count, x.content_hash, $4,
           x.embedding::vector
         FROM jsonb_to_recordset($5::jsonb) AS x(ordinal int, text text, heading_path text[],
           token_count int, content_hash text, embedding text)
         ON CONFLICT (document_id, content_hash) DO NOTHING`,
        [
          item.workspaceId,
          item.collectionId,
          documentId,
          JSON.stringify(item.metadata),
          JSON.stringify(
            fresh.map((c) => ({
              ordinal: c.ordinal,
              text: c.text,
              heading_path: c.headingPath,
              token_count: c.tokenCount,
              content_hash: c.hash,
              embedding: vectors.get(c.hash),
            })),
          ),
        ],
      );
      await client.query(
        `UPDATE chunks c SET ordinal = x.ordinal, heading_path = x.heading_path, metadata = $2
         FROM jsonb_to_recordset($3::jsonb) AS x(content_hash text, ordinal int, heading_path text[])
         WHERE c.document_id = $1 AND c.content_hash = x.content_hash`,
        [
          documentId,
          JSON.stringify(item.metadata),
          JSON.stringify(
            planned.chunks
              .filter((c) => planned.existingHashes.has(c.hash))
              .map((c) => ({
                content_hash: c.hash,
                ordinal: c.ordinal,
                heading_path: c.headingPath,
              })),
          ),
        ],
      );
      const deleted = await client.query(
        'DELETE FROM chunks WHERE document_id = $1 AND NOT (content_hash = ANY($2::text[]))',
        [documentId, planned.chunks.map((c) => c.hash)],
      );
      outcome.deleted = deleted.rowCount ?? 0;
    } else {
      await client.query(
        'UPDATE chunks SET metadata = $2 WHERE document_id = $1 AND metadata <> $2',
        [documentId, JSON.stringify(item.metadata)],
      );
    }
    await client.query(
      `UPDATE documents SET chunk_count = (SELECT count(*) FROM chunks WHERE document_id = $1)
       WHERE id = $1`,
      [documentId],
    );
    await client.query(
      `UPDATE ingest_job_items SET status = 'done', text = '', document_id = $3
       WHERE job_id = $1 AND ordinal = $2`,
      [item.jobId, item.ordinal, documentId],
    );
    await client.query(
      `UPDATE ingest_jobs SET documents_done = documents_done + 1,
         chunks_total = chunks_total + $2, chunks_embedded = chunks_embedded + $3,
         chunks_reused = chunks_reused + $4, chunks_deleted = chunks_deleted + $5
       WHERE id = $1`,
      [item.jobId, outcome.chunks, outcome.embedded, outcome.reused, outcome.deleted],
    );
    return outcome;
  });
}
