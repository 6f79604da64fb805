import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAnswerCache,
  type AnswerCache,
  type NewCacheEntry,
} from '../../../src/cache/index.js';
import { contentHash } from '../../../src/ingest/text/index.js';
import { LocalHashingEmbedder } from '../../../src/models/index.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { HANDBOOK, seedCollection, type SeededCollection } from './support/seed-collection.js';

const embedder = new LocalHashingEmbedder({});
const QUESTION = 'How many days of annual leave do employees get?';

describe(`answer cache store (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let cache: AnswerCache;
  let handbook: SeededCollection;
  let other: SeededCollection;
  const key = () => ({ workspaceId: handbook.workspaceId, collectionId: handbook.collectionId });
  const annual = () => handbook.documents[0]!.chunkIds[0]!;
  const embed = async (text: string) => ({
    vector: (await embedder.embed([text]))[0]!,
    model: embedder.model,
  });
  const entry = async (question = QUESTION, cited = [annual()]): Promise<NewCacheEntry> => ({
    ...key(),
    question,
    embedding: await embed(question),
    answer: {
      text: 'Twenty-five days.',
      citations: cited.map((chunkId) => ({ chunkId, documentId: handbook.documents[0]!.id })),
      model: 'primary',
      grounded: true,
    },
    cited: cited.map((chunkId, i) => ({
      chunkId,
      contentHash: contentHash(HANDBOOK[0]!.chunks[i]!),
    })),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    cache = createAnswerCache(database.db.pool);
    handbook = await seedCollection(database.db.pool, embedder, 'cache-a', HANDBOOK);
    other = await seedCollection(database.db.pool, embedder, 'cache-b', HANDBOOK);
  });
  afterAll(() => database.destroy());
  beforeEach(() => database.db.pool.query('DELETE FROM answer_cache'));

  it('finds an entry by its normalized question, in its own collection only', async () => {
    await cache.store(await entry());

    const hit = await cache.findExact(key(), 'how many days of annual leave do employees GET');
    expect(hit).toMatchObject({ retired: 0, hit: { similarity: 1, question: QUESTION } });
    expect(hit.hit?.answer.text).toBe('Twenty-five days.');
    const elsewhere = { ...key(), collectionId: other.collectionId };
    expect((await cache.findExact(elsewhere, QUESTION)).hit).toBeNull();
  });

  it('finds a similar question above the threshold, and only embeddings of the same model', async () => {
    await cache.store(await entry());
    const close = await embed('How many days of annual leave do employees get each year?');

    expect((await cache.findSimilar(key(), close)).hit?.similarity).toBeGreaterThan(0.92);
    expect((await cache.findSimilar(key(), { ...close, model: 'other-model' })).hit).toBeNull();
    const shorter = { vector: close.vector.slice(0, 16), model: embedder.model };
    expect((await cache.findSimilar(key(), shorter)).hit).toBeNull();
  });

  it('finds by both in one lookup: the exact entry first, else the most similar fresh one', async () => {
    const similarQuestion = 'How many days of annual leave do employees get each year?';
    await cache.store(await entry(similarQuestion));
    const asked = await embed(QUESTION);

    const similar = await cache.find(key(), QUESTION, asked);
    expect(similar).toMatchObject({ retired: 0, hit: { question: similarQuestion } });
    expect(similar.hit!.similarity).toBeGreaterThan(0.92);
    expect(similar.hit!.similarity).toBeLessThan(1);

    await cache.store(await entry());
    const exact = await cache.find(key(), 'HOW many days of annual leave do employees get?', asked);
    expect(exact.hit).toMatchObject({ question: QUESTION, similarity: 1 });
    const elsewhere = { ...key(), collectionId: other.collectionId };
    expect((await cache.find(elsewhere, QUESTION, asked)).hit).toBeNull();
  });

  it('honours a lower threshold only when asked for one', async () => {
    await cache.store(await entry());
    const far = await embed('How many days of annual leave do new employees get?');
    expect((await cache.findSimilar(key(), far)).hit).toBeNull();
    expect((await cache.findSimilar(key(), far, 0.85)).hit).not.toBeNull();
  });

  it('retires an entry whose cited chunk text changed, even if its stored hash did not', async () => {
    await cache.store(await entry());
    await database.db.pool.query(`UPDATE chunks SET text = text || ' Updated.' WHERE id = $1`, [
      annual(),
    ]);

    expect(await cache.findExact(key(), QUESTION)).toEqual({ hit: null, retired: 1 });
    const left = await database.db.pool.query('SELECT 1 FROM answer_cache_citations');
    expect(left.rowCount).toBe(0);
    await database.db.pool.query(`UPDATE chunks SET text = $2 WHERE id = $1`, [
      annual(),
      HANDBOOK[0]!.chunks[0],
    ]);
  });

  it('replaces an entry and its citations when the same question is stored again', async () => {
    const [first, second] = handbook.documents[0]!.chunkIds;
    await cache.store(await entry(QUESTION, [first!, second!]));
    await cache.store(await entry(`${QUESTION}  `, [first!]));

    const rows = await database.db.pool.query<{ chunk_id: string }>(
      'SELECT chunk_id FROM answer_cache_citations',
    );
    expect(rows.rows.map((row) => row.chunk_id)).toEqual([first]);
    expect((await cache.findExact(key(), QUESTION)).hit).not.toBeNull();
  });

  it('treats an entry whose answer JSON no longer parses as stale', async () => {
    await cache.store(await entry());
    await database.db.pool.query(`UPDATE answer_cache SET answer = '{"text": 1}'`);
    expect(await cache.findExact(key(), QUESTION)).toEqual({ hit: null, retired: 1 });
  });
});
