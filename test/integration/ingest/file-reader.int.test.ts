import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../../src/graphql/ids.js';
import { storeFile } from '../../../src/files/store-file.js';
import { DEFAULT_WORKSPACE_ID } from '../../../src/workspaces/default-workspace.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { makePdf } from '../../support/document-files.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';

const INGEST = `mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }`;

describe(`file reader threads of the ingest worker (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let stopped = false;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
  });
  afterAll(async () => {
    if (!stopped) await server.stop();
    await database.destroy();
  });

  it('reads files on a thread started by the first file, errors keeping their code and reason', async () => {
    const reader = server.services.fileReader!;
    expect(reader.threads).toBe(0);
    const made = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "pdfs" }) { id } }',
    );
    const whole = await makePdf([[{ heading: 'Hours' }, { paragraph: 'Open at eight.' }]]);
    const store = async (name: string, content: Buffer) =>
      (await storeFile(
        database.db.pool,
        DEFAULT_WORKSPACE_ID,
        { name, mediaType: 'application/pdf' },
        Readable.from([content]),
        () => false,
      ))!;
    const good = await store('hours.pdf', whole);
    const cut = await store('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await server.execute<{ ingestDocuments: { id: string } }>(INGEST, {
      input: {
        collectionId: made.data!.createCollection.id,
        documents: [
          { title: 'Hours', fileId: encodeId('File', good.id) },
          { title: 'Cut', fileId: encodeId('File', cut.id) },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    const items = await waitFor({
      what: 'both files ingested or failed',
      read: async () =>
        (
          await database.db.pool.query<{
            status: string;
            error_code: string | null;
            error_message: string | null;
          }>('SELECT status, error_code, error_message FROM ingest_job_items ORDER BY ordinal')
        ).rows,
      until: (rows) => rows.length === 2 && rows.every((row) => row.status !== 'pending'),
      timeoutMs: 60_000,
    });
    expect(items[0]).toMatchObject({ status: 'done', error_code: null });
    expect(items[1]).toMatchObject({
      status: 'failed',
      error_code: 'INVALID_DOCUMENT',
      error_message: expect.stringMatching(/^the PDF is corrupt or truncated/),
    });
    expect(reader.threads).toBe(1);
  });

  it('ends its threads when the server stops', async () => {
    const reader = server.services.fileReader!;
    stopped = true;
    // A thread left running would keep the test process alive: the stop must end it, in time.
    const outcome = await Promise.race([
      server.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000).unref()),
    ]);
    expect(outcome).toBe('stopped');
    expect(reader.threads).toBe(0);
  });
});
