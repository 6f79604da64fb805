import type pg from 'pg';
import { countTokens } from '../../../../src/governance/token-budget.js';
import { contentHash } from '../../../../src/ingest/text/index.js';
import type { EmbeddingModel } from '../../../../src/models/index.js';
import { DEFAULT_WORKSPACE_ID } from '../../../../src/workspaces/default-workspace.js';

/** A document to seed, already cut into chunks. */
export interface SeedDocument {
  title: string;
  chunks: string[];
}

/** What was seeded, with the database ids. */
export interface SeededCollection {
  workspaceId: string;
  collectionId: string;
  documents: { id: string; title: string; chunkIds: string[] }[];
}

/**
 * Writes a collection, its documents and their embedded chunks straight into the tables
 * hybrid search reads (the ingest pipeline has its own tests), with `embedder`'s vectors.
 */
export async function seedCollection(
  pool: pg.Pool,
  embedder: EmbeddingModel,
  name: string,
  documents: readonly SeedDocument[],
): Promise<SeededCollection> {
  const collection = await pool.query<{ id: string }>(
    `INSERT INTO collections (workspace_id, name, embedding_model, embedding_dimensions)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [DEFAULT_WORKSPACE_ID, name, embedder.model, embedder.dimensions],
  );
  const collectionId = collection.rows[0]!.id;
  const seeded: SeededCollection['documents'] = [];
  for (const document of documents) {
    const text = document.chunks.join('\n\n');
    const row = await pool.query<{ id: string }>(
      `INSERT INTO documents (workspace_id, collection_id, source_key, title, format, content_hash)
       VALUES ($1, $2, $3, $3, 'text', $4) RETURNING id`,
      [DEFAULT_WORKSPACE_ID, collectionId, document.title, contentHash(text)],
    );
    const documentId = row.rows[0]!.id;
    const vectors = await embedder.embed(document.chunks);
    const chunkIds: string[] = [];
    for (const [ordinal, chunk] of document.chunks.entries()) {
      const inserted = await pool.query<{ id: string }>(
        `INSERT INTO chunks (workspace_id, collection_id, document_id, ordinal, text, token_count,
           content_hash, embedding)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::vector) RETURNING id`,
        [
          DEFAULT_WORKSPACE_ID,
          collectionId,
          documentId,
          ordinal,
          chunk,
          countTokens(chunk),
          contentHash(chunk),
          `[${vectors[ordinal]!.join(',')}]`,
        ],
      );
      chunkIds.push(inserted.rows[0]!.id);
    }
    seeded.push({ id: documentId, title: document.title, chunkIds });
  }
  return { workspaceId: DEFAULT_WORKSPACE_ID, collectionId, documents: seeded };
}

/** A small handbook: leave (two chunks) and security (one chunk). */
export const HANDBOOK: readonly SeedDocument[] = [
  {
    title: 'Leave policy',
    chunks: [
      'Annual leave is twenty-five days per year. Leave requests need the approval of your manager.',
      'Parental leave is sixteen weeks at full pay. It can start up to four weeks before the birth.',
    ],
  },
  {
    title: 'Security policy',
    chunks: [
      'Passwords rotate every ninety days. Two-factor authentication is mandatory for VPN access.',
    ],
  },
];
