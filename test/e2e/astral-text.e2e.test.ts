import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { wsClient, collectSubscription } from '../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';

const EMOJI = '😀'.repeat(17);
const MIXED = `Leave 🏖️ policy: parental leave is sixteen weeks 👶🏽. ${'🚀'.repeat(40)} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀`;

// Characters outside the Basic Multilingual Plane (two UTF-16 units each) in a question and in
// a document: token counting once recursed on them until the stack overflowed, failing the run
// and the job. Through GraphQL, on the local models.
describe(`emoji and other astral characters end to end (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    const created = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "emoji" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('ingests a document full of them', async () => {
    const job = await server.execute<{ ingestDocuments: { id: string } }>(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: [
            { title: `Emoji ${EMOJI}`, text: `${MIXED}\n\n${EMOJI} ${MIXED}` },
            { title: 'Markdown', markdown: `# Title ${EMOJI}\n\n${MIXED}` },
          ],
        },
      },
    );
    const status = await waitFor(async () => {
      const state = await server.execute<{ ingestJob: { status: string; errors: unknown[] } }>(
        'query ($id: ID!) { ingestJob(id: $id) { status errors { code } } }',
        { id: job.data!.ingestDocuments.id },
      );
      const value = state.data!.ingestJob;
      return value.status === 'SUCCEEDED' || value.status === 'FAILED' ? value : undefined;
    });
    expect(status).toEqual({ status: 'SUCCEEDED', errors: [] });
  });

  it('answers a question of 17 emoji, and one with emoji around words', async () => {
    const client = wsClient(server.url);
    try {
      for (const question of [EMOJI, `How long is parental leave? ${EMOJI}`]) {
        const events = await collectSubscription<{ askStream: { __typename: string } }>(
          client,
          'subscription ($input: AskInput!) { askStream(input: $input) { __typename ... on RunFailed { code message } } }',
          { input: { collectionId, question } },
        );
        expect(events.at(-1)!.askStream.__typename, JSON.stringify(events.at(-1))).toBe(
          'RunCompleted',
        );
      }
    } finally {
      await client.dispose();
    }
  });
});
