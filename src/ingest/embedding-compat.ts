import type pg from 'pg';
import { AppError } from '../errors.js';

/** What identifies an embedding space: a model name and a dimension. */
export interface EmbedderIdentity {
  /** Model name as the configuration gives it (`text-embedding-3-small`, `local-hash`). */
  model: string;
  dimensions: number;
}

/**
 * Refuses to mix embedding spaces in one collection: vectors of two models are not
 * comparable, and a mixed index would silently return nonsense.
 * @throws {AppError} `CONFLICT` naming both models.
 */
export function assertEmbeddingCompatible(
  collection: { embedding_model: string | null; embedding_dimensions: number | null },
  embedder: EmbedderIdentity,
): void {
  if (collection.embedding_model === null) return;
  if (
    collection.embedding_model !== embedder.model ||
    collection.embedding_dimensions !== embedder.dimensions
  ) {
    throw new AppError(
      'CONFLICT',
      `this collection was indexed with ${collection.embedding_model} (${collection.embedding_dimensions} dimensions), ` +
        `but the configured embedding model is ${embedder.model} (${embedder.dimensions} dimensions); ` +
        'use a new collection or configure the original model',
      { details: { field: 'collectionId' } },
    );
  }
}

/** The collection's embedding space, or undefined when no such collection is in the workspace. */
export async function findCollectionEmbedding(
  db: Pick<pg.Pool, 'query'>,
  workspaceId: string,
  collectionId: string,
): Promise<{ embedding_model: string | null; embedding_dimensions: number | null } | undefined> {
  const result = await db.query<{
    embedding_model: string | null;
    embedding_dimensions: number | null;
  }>(
    'SELECT embedding_model, embedding_dimensions FROM collections WHERE id = $1 AND workspace_id = $2',
    [collectionId, workspaceId],
  );
  return result.rows[0];
}

/**
 * Fixes a collection's embedding model on first use (atomically: the first writer wins)
 * and checks it on every later use.
 * @throws {AppError} `CONFLICT` on a mismatch, `NOT_FOUND` when the collection is gone.
 */
export async function claimCollectionEmbedding(
  pool: pg.Pool,
  collectionId: string,
  embedder: EmbedderIdentity,
): Promise<void> {
  const result = await pool.query<{
    embedding_model: string | null;
    embedding_dimensions: number | null;
  }>(
    `UPDATE collections
     SET embedding_model = coalesce(embedding_model, $2),
         embedding_dimensions = coalesce(embedding_dimensions, $3),
         updated_at = now()
     WHERE id = $1
     RETURNING embedding_model, embedding_dimensions`,
    [collectionId, embedder.model, embedder.dimensions],
  );
  const row = result.rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'collection not found');
  assertEmbeddingCompatible(row, embedder);
}
