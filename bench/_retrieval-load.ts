// Bulk loading of the retrieval bench's collection: generated chunks embedded by the local
// hashing embedder, written by multi-row `INSERT … SELECT FROM unnest(…)` (not the ingestion
// pipeline), embedding of the next batch overlapping the insert of the previous one.
import type pg from 'pg';
import type { LocalHashingEmbedder } from '../src/models/local/hashing-embedder.js';
import { DEFAULT_WORKSPACE_ID } from '../src/workspaces/default-workspace.js';
import { seededRandom, type TextCorpus } from './_retrieval-corpus.js';

/** What {@link loadCollection} made. */
export interface LoadedCollection {
  collectionId: string;
  chunks: number;
  embedSeconds: number;
  seconds: number;
}

/** A vector as pgvector's text form. */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.map((v) => v.toPrecision(7)).join(',')}]`;
}

/**
 * Creates a collection fixed to the local embedder and fills it with `chunks` chunks,
 * `chunksPerDocument` per document, each document about one topic; every chunk's metadata is
 * `{ "topic": … }`. Progress goes to stdout.
 */
export async function loadCollection(
  pool: pg.Pool,
  corpus: TextCorpus,
  embedder: LocalHashingEmbedder,
  options: { chunks: number; chunksPerDocument: number; batch: number; seed: number },
): Promise<LoadedCollection> {
  const started = performance.now();
  const collection = await pool.query<{ id: string }>(
    `INSERT INTO collections (workspace_id, name, embedding_model, embedding_dimensions)
     VALUES ($1, 'retrieval-bench', $2, $3) RETURNING id`,
    [DEFAULT_WORKSPACE_ID, embedder.model, embedder.dimensions],
  );
  const collectionId = collection.rows[0]!.id;
  const next = seededRandom(options.seed);
  let embedMs = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const documentsPerBatch = Math.floor(options.batch / options.chunksPerDocument);
  const documents = Math.ceil(options.chunks / options.chunksPerDocument);
  let written = 0;
  let lastReport = performance.now();

  for (let first = 0; first < documents; first += documentsPerBatch) {
    const count = Math.min(documentsPerBatch, documents - first);
    const batch = makeBatch(corpus, embedder, next, first, count, options.chunksPerDocument);
    embedMs += batch.embedMs;
    await pending;
    written += batch.chunkDocument.length;
    pending = insertBatch(pool, collectionId, batch);
    if (performance.now() - lastReport > 5000 || written >= options.chunks) {
      lastReport = performance.now();
      console.log(
        `  loaded ${written} / ${options.chunks} chunks (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  await pending;
  await pool.query('ANALYZE chunks');
  await pool.query('ANALYZE documents');
  return {
    collectionId,
    chunks: written,
    embedSeconds: embedMs / 1000,
    seconds: (performance.now() - started) / 1000,
  };
}

interface Batch {
  embedMs: number;
  documentKeys: string[];
  documentTopics: string[];
  chunkDocument: number[];
  chunkOrdinal: number[];
  chunkText: string[];
  chunkTopic: string[];
  chunkVector: string[];
}

function makeBatch(
  corpus: TextCorpus,
  embedder: LocalHashingEmbedder,
  next: () => number,
  first: number,
  count: number,
  chunksPerDocument: number,
): Batch {
  const batch: Batch = {
    embedMs: 0,
    documentKeys: [],
    documentTopics: [],
    chunkDocument: [],
    chunkOrdinal: [],
    chunkText: [],
    chunkTopic: [],
    chunkVector: [],
  };
  for (let d = 0; d < count; d++) {
    const plan = corpus.document(first + d);
    const topic = corpus.topics[plan.topic]!;
    batch.documentKeys.push(`bench://doc/${first + d}`);
    batch.documentTopics.push(topic);
    for (let c = 0; c < chunksPerDocument; c++) {
      batch.chunkDocument.push(d + 1);
      batch.chunkOrdinal.push(c);
      batch.chunkText.push(corpus.chunk(next, plan, c));
      batch.chunkTopic.push(topic);
    }
  }
  const started = performance.now();
  for (const text of batch.chunkText)
    batch.chunkVector.push(vectorLiteral(embedder.embedOne(text)));
  batch.embedMs = performance.now() - started;
  return batch;
}

async function insertBatch(pool: pg.Pool, collectionId: string, batch: Batch): Promise<void> {
  await pool.query(
    `WITH docs AS (
       INSERT INTO documents (workspace_id, collection_id, source_key, title, source_uri, format,
                              metadata, content_hash, chunk_count)
       SELECT $1, $2, d.key, d.key, d.key, 'text', jsonb_build_object('topic', d.topic),
              md5(d.key), $3
       FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS d (key, topic, n)
       RETURNING id, source_key
     ), numbered AS (
       SELECT docs.id, k.n FROM docs
       JOIN unnest($4::text[]) WITH ORDINALITY AS k (key, n) ON k.key = docs.source_key
     )
     INSERT INTO chunks (workspace_id, collection_id, document_id, ordinal, text, token_count,
                         content_hash, metadata, embedding)
     SELECT $1, $2, numbered.id, c.ordinal, c.text, array_length(regexp_split_to_array(c.text, '\\s+'), 1),
            md5(c.text), jsonb_build_object('topic', c.topic), c.embedding::vector
     FROM unnest($6::int[], $7::int[], $8::text[], $9::text[], $10::text[])
            AS c (doc, ordinal, text, topic, embedding)
     JOIN numbered ON numbered.n = c.doc`,
    [
      DEFAULT_WORKSPACE_ID,
      collectionId,
      batch.chunkDocument.length / batch.documentKeys.length,
      batch.documentKeys,
      batch.documentTopics,
      batch.chunkDocument,
      batch.chunkOrdinal,
      batch.chunkText,
      batch.chunkTopic,
      batch.chunkVector,
    ],
  );
}
