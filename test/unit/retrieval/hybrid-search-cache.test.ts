import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { EmbeddingModel } from '../../../src/models/types.js';
import { hybridSearch } from '../../../src/retrieval/hybrid-search.js';

// How many collections' embedding settings hybridSearch remembers.
const REMEMBERED = 1000;

/** A pool whose collections all use `model`, with no chunks; counts lookups per collection. */
function fakePool(model: string, dimensions: number) {
  const lookups = new Map<string, number>();
  const query = async (sql: string, params: unknown[] = []) => {
    if (sql.includes('FROM collections')) {
      const collectionId = String(params[0]);
      lookups.set(collectionId, (lookups.get(collectionId) ?? 0) + 1);
      return { rows: [{ embedding_model: model, embedding_dimensions: dimensions }] };
    }
    return { rows: [] };
  };
  const pool = { query, connect: async () => ({ query, release: () => undefined }) };
  return { pool: pool as unknown as pg.Pool, lookups };
}

const embedder: EmbeddingModel = {
  id: 'test',
  model: 'test-embedding',
  dimensions: 3,
  embed: async (texts) => texts.map(() => [1, 0, 0]),
};

describe('hybridSearch memory of collections’ embedding settings', () => {
  it('keeps a recently searched collection after more collections than it holds were searched, and forgets the least recent', async () => {
    const { pool, lookups } = fakePool(embedder.model, embedder.dimensions);
    const search = (collectionId: string) =>
      hybridSearch(pool, embedder, 'workspace', collectionId, { query: 'q', k: 1, filter: null });
    const batch = (REMEMBERED * 3) / 5;
    await search('hot');
    for (let i = 0; i < batch; i++) await search(`cold-${i}`);
    await search('hot');
    // 1.2 × what it holds in all, but fewer than that since `hot` was last searched.
    for (let i = batch; i < 2 * batch; i++) await search(`cold-${i}`);

    await search('hot');
    expect(lookups.get('hot')).toBe(1);
    await search('cold-0');
    expect(lookups.get('cold-0')).toBe(2);
  });
});
