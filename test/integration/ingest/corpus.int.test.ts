import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPii } from '../../../src/governance/pii.js';
import {
  embeddedTexts as sentToEmbed,
  fakeEmbeddingModels,
} from '../../support/fake-embeddings.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { generateCorpus, type CorpusDocument } from '../../support/corpus.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { collectSubscription, wsClient } from '../../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const INGEST = `mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }`;
const UPDATES = `subscription ($id: ID!) {
  ingestJobUpdates(id: $id) { status documentsDone chunksTotal chunksEmbedded chunksReused chunksDeleted }
}`;
type Update = {
  ingestJobUpdates: {
    status: string;
    documentsDone: number;
    chunksTotal: number;
    chunksEmbedded: number;
    chunksReused: number;
    chunksDeleted: number;
  };
};

// Acceptance of the ingestion issue: a 500-document corpus over GraphQL against an
// OpenAI-compatible embedding endpoint (the fake server), whose request log is the evidence.
describe(`a 500-document corpus through GraphQL (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  const corpus = generateCorpus(500);
  // A few documents carry PII that must never reach the embedding endpoint.
  corpus[3]!.markdown += '\n\nQuestions to payroll@example.org or +1 (415) 555-0100.';
  corpus[4]!.markdown +=
    '\n\nThe test card is 4242 4242 4242 4242, IBAN GB82 WEST 1234 5698 7654 32.';

  const embeddedTexts = () => sentToEmbed(fake);

  const ingest = async (documents: CorpusDocument[]) => {
    const result = await server.execute<{ ingestDocuments: { id: string } }>(INGEST, {
      input: { collectionId, documents },
    });
    expect(result.errors).toBeUndefined();
    const client = wsClient(server.url);
    try {
      const updates = await collectSubscription<Update>(client, UPDATES, {
        id: result.data!.ingestDocuments.id,
      });
      return updates.map((u) => u.ingestJobUpdates);
    } finally {
      await client.dispose();
    }
  };

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    const models = fakeEmbeddingModels(fake.url, 64);
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, models });
    const created = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "corpus" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  it('indexes all of it, watched to SUCCEEDED, sending each chunk to the embedder once', async () => {
    const updates = await ingest(corpus);
    const last = updates.at(-1)!;
    expect(last.status).toBe('SUCCEEDED');
    expect(last.documentsDone).toBe(500);
    expect(updates.length).toBeGreaterThan(2);
    const sent = embeddedTexts();
    expect(sent.length).toBe(last.chunksEmbedded);
    expect(new Set(sent).size).toBe(sent.length);
    const rows = await database.db.pool.query('SELECT count(*)::int AS n FROM chunks');
    expect(rows.rows[0].n).toBe(last.chunksTotal);
  });

  it('sent no detectable PII to the embedding endpoint', () => {
    const sent = embeddedTexts();
    expect(sent.some((t) => t.includes('[EMAIL_1]'))).toBe(true);
    expect(sent.filter((t) => containsPii(t))).toEqual([]);
  });

  it('creates zero new chunks when the same corpus is ingested again', async () => {
    const before = embeddedTexts().length;
    const last = (await ingest(corpus)).at(-1)!;
    expect(last).toMatchObject({
      status: 'SUCCEEDED',
      documentsDone: 500,
      chunksEmbedded: 0,
      chunksReused: 0,
      chunksDeleted: 0,
    });
    expect(embeddedTexts().length).toBe(before);
  });

  it('re-embeds only the changed chunks of one changed document', async () => {
    const before = embeddedTexts().length;
    const changed = structuredClone(corpus[42]!);
    changed.markdown = changed.markdown.replace(
      /## (\w+) part 2\n[^\n]+/,
      '## $1 part 2\nThis section was rewritten entirely.',
    );
    const last = (await ingest([changed])).at(-1)!;
    expect(last.status).toBe('SUCCEEDED');
    const sent = embeddedTexts().slice(before);
    expect(sent.length).toBe(last.chunksEmbedded);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.every((t) => t.includes('rewritten entirely'))).toBe(true);
    expect(last.chunksDeleted).toBeGreaterThanOrEqual(1);
  });
});
