import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHashingEmbedder } from '../../../src/models/index.js';
import { generateCorpus } from '../../support/corpus.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { seedCollection } from '../graphs/support/seed-collection.js';

// Migration 000011: a typical chunk (a few hundred tokens, its tsvector and a 384-d embedding)
// passes the 2 kB TOAST threshold; it must stay whole in the heap so a vector search reads each
// hit's embedding from the row itself, not through the TOAST index.
describe(`chunk rows stay whole in the heap (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('keeps a 2 kB+ chunk and its embedding out of the TOAST table', async () => {
    const pool = database.db.pool;
    const embedder = new LocalHashingEmbedder({ dimensions: 384 });
    const [document] = generateCorpus(1);
    const text = document!.markdown.repeat(2);
    await seedCollection(pool, embedder, 'layout', [{ title: 'long', chunks: [text] }]);
    const row = await pool.query<{
      row_bytes: number;
      embedding_bytes: number;
      toast_bytes: string;
    }>(
      `SELECT pg_column_size(c.*) AS row_bytes, pg_column_size(c.embedding) AS embedding_bytes,
              (SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'chunks'::regclass)::text
                AS toast_bytes
       FROM chunks c`,
    );
    const { row_bytes, embedding_bytes, toast_bytes } = row.rows[0]!;
    // Past the threshold, so the default layout would have moved something out of line.
    expect(row_bytes).toBeGreaterThan(2032);
    // 384 four-byte floats and the vector header, inline and uncompressed.
    expect(embedding_bytes).toBe(8 + 384 * 4);
    expect(Number(toast_bytes)).toBe(0);
  });
});
