import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  assembleText,
  collectEvents,
  EVENT_FIELDS,
  seedThroughGraphQL,
} from './support/runs-fixture.js';

const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { ${EVENT_FIELDS} } }`;

const PARENTAL_LEAVE = [
  '# Parental Leave',
  '',
  'Parental leave is sixteen weeks at full pay for birth parents and adoptive parents alike.',
  'Parental leave can be split into two blocks, both taken within the first year after the birth.',
  '',
  '# Sick Leave',
  '',
  'A doctor’s note is needed from the fourth day of sickness.',
].join('\n');

const sentencesOf = (text: string) =>
  [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].filter(
    (s) => s.segment.trim() !== '',
  ).length;

// The default models only: the local model's answer streams word by word through the same
// path as a remote model's, so a client sees it arrive in pieces, not as one block at the end.
describe(`the local model streams its answer (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    ({ collectionId } = await seedThroughGraphQL(server, [
      { title: 'Leave policy', text: PARENTAL_LEAVE },
    ]));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('a multi-sentence answer arrives in at least 5 TokenDeltas that add up to it', async () => {
    const client = wsClient(server.url);
    try {
      const events = await collectEvents(client, ASK_STREAM, {
        input: { collectionId, question: 'What are the rules for parental leave?' },
      });
      const last = events.at(-1)!;
      expect(last.__typename).toBe('RunCompleted');
      expect(last.answer!.model).toBe('local');
      expect(sentencesOf(last.answer!.text)).toBeGreaterThanOrEqual(2);
      const deltas = events.filter((e) => e.__typename === 'TokenDelta');
      expect(deltas.length).toBeGreaterThanOrEqual(5);
      expect(deltas.map((e) => e.text).join('')).toBe(last.answer!.text);
      expect(assembleText(events)).toBe(last.answer!.text);
    } finally {
      await client.dispose();
    }
  });
});
