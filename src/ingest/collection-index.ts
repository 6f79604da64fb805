import type pg from 'pg';

/** Name of the partial HNSW index of one collection. */
export function collectionIndexName(collectionId: string): string {
  return `chunks_hnsw_${collectionId.replaceAll('-', '')}`;
}

/**
 * Creates the collection's own HNSW (cosine) index over `embedding::vector(D)` if missing.
 * One partial index per collection keeps each graph small and lets every collection use its
 * own dimension; queries must repeat the same expression and `collection_id = …` to use it.
 */
export async function ensureCollectionIndex(
  pool: pg.Pool,
  collectionId: string,
  dimensions: number,
): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0 || dimensions > 16_000) {
    throw new Error(`invalid embedding dimension ${dimensions}`);
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(collectionId)) {
    throw new Error('collection id must be a uuid');
  }
  const name = collectionIndexName(collectionId);
  try {
    // DDL takes no parameters; both values were checked above.
    await pool.query(
      `CREATE INDEX IF NOT EXISTS ${name} ON chunks
       USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops)
       WHERE collection_id = '${collectionId}'`,
    );
  } catch (error) {
    // Two workers racing on the first batch: the loser sees the winner's index.
    if (
      (error as { code?: string }).code !== '23505' &&
      (error as { code?: string }).code !== '42P07'
    )
      throw error;
  }
}
