import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../../src/graphql/ids.js';
import { pruneUnusedFiles } from '../../../src/files/release-files.js';
import { storeFile } from '../../../src/files/store-file.js';
import { DEFAULT_WORKSPACE_ID } from '../../../src/workspaces/default-workspace.js';
import { collectSubscription, wsClient } from '../../support/graphql-ws-client.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const INGEST = `mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }`;
const STATUS = `subscription ($id: ID!) { ingestJobUpdates(id: $id) { status documentsDone } }`;

describe(`files after ingestion (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;

  const store = async (name: string) =>
    (await storeFile(
      database.db.pool,
      DEFAULT_WORKSPACE_ID,
      { name, mediaType: 'text/plain' },
      Readable.from([Buffer.from(`The ${name} note says the office opens at eight.`)]),
      () => false,
    ))!;
  const fileCount = async (id: string) =>
    (
      await database.db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM files WHERE id = $1',
        [id],
      )
    ).rows[0]!.n;
  const ingestFile = async (id: string, title: string) => {
    const result = await server.execute<{ ingestDocuments: { id: string } }>(INGEST, {
      input: { collectionId, documents: [{ title, fileId: encodeId('File', id) }] },
    });
    expect(result.errors).toBeUndefined();
    const client = wsClient(server.url);
    try {
      const updates = await collectSubscription<{
        ingestJobUpdates: { status: string; documentsDone: number };
      }>(client, STATUS, { id: result.data!.ingestDocuments.id });
      return updates.at(-1)!.ingestJobUpdates;
    } finally {
      await client.dispose();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, keepIngestedFiles: true });
    const made = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "kept" }) { id } }',
    );
    collectionId = made.data!.createCollection.id;
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('keeps an ingested file when the server is told to', async () => {
    const file = await store('kept.txt');
    expect(await ingestFile(file.id, 'Kept')).toEqual({ status: 'SUCCEEDED', documentsDone: 1 });
    expect(await fileCount(file.id)).toBe(1);
  });

  it('expires files no ingestion named, and only those, after the configured time', async () => {
    const unused = await store('unused.txt');
    const named = await store('named.txt');
    await ingestFile(named.id, 'Named');
    expect(await pruneUnusedFiles(database.db.pool, 60_000)).toBe(0);
    await database.db.pool.query(
      "UPDATE files SET created_at = now() - interval '2 minutes' WHERE id = ANY($1::uuid[])",
      [[unused.id, named.id]],
    );
    expect(await pruneUnusedFiles(database.db.pool, 60_000)).toBe(1);
    expect(await fileCount(unused.id)).toBe(0);
    expect(await fileCount(named.id)).toBe(1);
  });
});
