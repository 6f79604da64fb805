import type pg from 'pg';
import { withTransaction } from '../db/database.js';
import { vectorArrayParam, vectorTypeOid } from '../db/vector-array.js';
import type { PlannedDocument } from './plan-document.js';

/**
 * Commits one batch in one transaction with a fixed number of set-based statements, whatever
 * its size: upserts the documents by source key, inserts new chunks, renumbers kept ones,
 * deletes stale ones, marks the items done and moves the job's counters once. The pending
 * items are locked first, so a retried batch running beside a slow original writes each
 * document once.
 * @returns how many documents this call wrote (the rest were written by an earlier attempt).
 */
export async function writeBatch(
  pool: pg.Pool,
  plans: readonly PlannedDocument[],
  vectors: ReadonlyMap<string, readonly number[]>,
  dimensions: number,
): Promise<number> {
  const first = plans[0]?.item;
  if (!first) return 0;
  const vectorOid = await vectorTypeOid(pool);
  return withTransaction(pool, async (client) => {
    const locked = await client.query<{ ordinal: number }>(
      `SELECT ordinal FROM ingest_job_items
       WHERE job_id = $1 AND ordinal = ANY($2::int[]) AND status = 'pending' FOR UPDATE`,
      [first.jobId, plans.map((p) => p.item.ordinal)],
    );
    const pending = new Set(locked.rows.map((r) => r.ordinal));
    const todo = plans.filter((p) => pending.has(p.item.ordinal));
    if (todo.length === 0) return 0;

    const { ids, existed } = await upsertDocuments(client, todo);
    const changed = todo.filter((p) => !p.unchanged);
    const embeddings: (readonly number[])[] = [];
    const fresh = changed.flatMap((p) =>
      p.chunks
        .filter((c) => !p.existingHashes.has(c.hash))
        .map((c) => {
          const vector = vectors.get(c.hash);
          if (!vector) throw new Error(`no vector for chunk ${c.hash}`);
          embeddings.push(vector);
          return {
            document_id: ids.get(p.item.ordinal),
            metadata: p.item.metadata,
            ordinal: c.ordinal,
            text: c.text,
            heading_path: c.headingPath,
            pages: c.pages,
            token_count: c.tokenCount,
            content_hash: c.hash,
            n: embeddings.length,
          };
        }),
    );
    if (fresh.length > 0) {
      // Vectors travel as one binary vector[]; row n takes element n.
      await client.query(
        `INSERT INTO chunks (workspace_id, collection_id, document_id, ordinal, text, heading_path,
           pages, token_count, content_hash, metadata, embedding)
         SELECT $1, $2, x.document_id, x.ordinal, x.text, x.heading_path, x.pages, x.token_count,
           x.content_hash, x.metadata, ($4::vector[])[x.n]
         FROM jsonb_to_recordset($3::jsonb) AS x(document_id uuid, ordinal int, text text,
           heading_path text[], pages int[], token_count int, content_hash text, metadata jsonb,
           n int)
         ON CONFLICT (document_id, content_hash) DO NOTHING`,
        [
          first.workspaceId,
          first.collectionId,
          JSON.stringify(fresh),
          vectorArrayParam(embeddings, dimensions, vectorOid),
        ],
      );
    }
    const kept = changed.flatMap((p) =>
      p.chunks
        .filter((c) => p.existingHashes.has(c.hash))
        .map((c) => ({
          document_id: ids.get(p.item.ordinal),
          content_hash: c.hash,
          ordinal: c.ordinal,
          heading_path: c.headingPath,
          pages: c.pages,
          metadata: p.item.metadata,
        })),
    );
    // Kept chunks take their new position (and pages) and the document's current metadata.
    if (kept.length > 0)
      await client.query(
        `UPDATE chunks c SET ordinal = x.ordinal, heading_path = x.heading_path, pages = x.pages,
         metadata = x.metadata
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id uuid, content_hash text, ordinal int,
         heading_path text[], pages int[], metadata jsonb)
       WHERE c.document_id = x.document_id AND c.content_hash = x.content_hash
         AND (c.ordinal, c.heading_path, c.pages, c.metadata)
           IS DISTINCT FROM (x.ordinal, x.heading_path, x.pages, x.metadata)`,
        [JSON.stringify(kept)],
      );
    // Only documents stored before this transaction can have stale chunks (the plan may be
    // older than a concurrent write of the same document, so the upsert decides).
    const replaced = changed.filter((p) => existed.has(p.item.ordinal));
    const deleted =
      replaced.length === 0
        ? { rowCount: 0 }
        : await client.query(
            `DELETE FROM chunks c USING jsonb_to_recordset($1::jsonb) AS x(document_id uuid, hashes text[])
       WHERE c.document_id = x.document_id AND NOT (c.content_hash = ANY(x.hashes))`,
            [
              JSON.stringify(
                replaced.map((p) => ({
                  document_id: ids.get(p.item.ordinal),
                  hashes: p.chunks.map((c) => c.hash),
                })),
              ),
            ],
          );
    const unchanged = todo.filter((p) => p.unchanged);
    if (unchanged.length > 0)
      await client.query(
        `UPDATE chunks c SET metadata = x.metadata
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id uuid, metadata jsonb)
       WHERE c.document_id = x.document_id AND c.metadata IS DISTINCT FROM x.metadata`,
        [
          JSON.stringify(
            unchanged.map((p) => ({
              document_id: ids.get(p.item.ordinal),
              metadata: p.item.metadata,
            })),
          ),
        ],
      );
    const counts = await client.query<{ chunks: number }>(
      `UPDATE documents d SET chunk_count = (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
       WHERE d.id = ANY($1::uuid[]) RETURNING chunk_count AS chunks`,
      [[...ids.values()]],
    );
    await client.query(
      `UPDATE ingest_job_items i SET status = 'done', text = '', page_starts = '{}',
         document_id = x.document_id
       FROM jsonb_to_recordset($2::jsonb) AS x(ordinal int, document_id uuid)
       WHERE i.job_id = $1 AND i.ordinal = x.ordinal`,
      [
        first.jobId,
        JSON.stringify([...ids].map(([ordinal, document_id]) => ({ ordinal, document_id }))),
      ],
    );
    const embedded = changed.reduce(
      (n, p) => n + p.chunks.filter((c) => p.toEmbed.has(c.hash)).length,
      0,
    );
    await client.query(
      `UPDATE ingest_jobs SET documents_done = documents_done + $2,
         chunks_total = chunks_total + $3, chunks_embedded = chunks_embedded + $4,
         chunks_reused = chunks_reused + $5, chunks_deleted = chunks_deleted + $6
       WHERE id = $1`,
      [
        first.jobId,
        todo.length,
        counts.rows.reduce((n, r) => n + r.chunks, 0),
        embedded,
        fresh.length - embedded,
        deleted.rowCount ?? 0,
      ],
    );
    return todo.length;
  });
}

/**
 * Upserts the batch's documents by source key.
 * @returns each item's document id by ordinal, and the ordinals whose document existed.
 */
async function upsertDocuments(
  client: pg.PoolClient,
  plans: readonly PlannedDocument[],
): Promise<{ ids: Map<number, string>; existed: Set<number> }> {
  const first = plans[0]!.item;
  const result = await client.query<{ id: string; source_key: string; existed: boolean }>(
    `INSERT INTO documents (workspace_id, collection_id, source_key, title, source_uri, format,
       metadata, content_hash, pii_counts)
     SELECT $1, $2, x.source_key, x.title, x.source_uri, x.format, x.metadata, x.content_hash,
       x.pii_counts
     FROM jsonb_to_recordset($3::jsonb) AS x(source_key text, title text, source_uri text,
       format text, metadata jsonb, content_hash text, pii_counts jsonb)
     ON CONFLICT (collection_id, source_key) DO UPDATE SET
       title = EXCLUDED.title, source_uri = EXCLUDED.source_uri, format = EXCLUDED.format,
       metadata = EXCLUDED.metadata, content_hash = EXCLUDED.content_hash,
       pii_counts = EXCLUDED.pii_counts, updated_at = now()
     -- xmax is set on a row version made by an update, not by an insert.
     RETURNING id, source_key, xmax <> 0 AS existed`,
    [
      first.workspaceId,
      first.collectionId,
      JSON.stringify(
        plans.map(({ item, contentHash }) => ({
          source_key: item.sourceKey,
          title: item.title,
          source_uri: item.sourceUri,
          format: item.format,
          metadata: item.metadata,
          content_hash: contentHash,
          pii_counts: item.piiCounts,
        })),
      ),
    ],
  );
  const byKey = new Map(result.rows.map((r) => [r.source_key, r]));
  const ids = new Map(plans.map((p) => [p.item.ordinal, byKey.get(p.item.sourceKey)!.id]));
  const existed = new Set(
    plans.filter((p) => byKey.get(p.item.sourceKey)!.existed).map((p) => p.item.ordinal),
  );
  return { ids, existed };
}
