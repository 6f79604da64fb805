import { afterAll, beforeAll } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../../fake-llm/server.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';
import { fakeChain, seedThroughGraphQL } from '../../../e2e/support/runs-fixture.js';

/** What {@link useHandbookServer} gives a test file, filled in by its `beforeAll`. */
export interface HandbookServer {
  fake: FakeLlmServer;
  server: TestServer;
  collectionId: string;
  /** The chunks about parental leave: what a grounded answer about it cites. */
  leaveChunks: string[];
}

/**
 * Registers a test file's hooks for asking about the handbook: a fake model server, a fresh
 * test database, a Ballast server on both (the fake's model chain), the handbook seeded through
 * GraphQL; all stopped after the file.
 * @returns the fixture, filled in once `beforeAll` has run.
 */
export function useHandbookServer(): HandbookServer {
  const fixture = {} as HandbookServer;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    fixture.fake = await createFakeLlmServer();
    database = await createTestDatabase();
    fixture.server = await startTestServer({ db: database.db, models: fakeChain(fixture.fake) });
    const seeded = await seedThroughGraphQL(fixture.server);
    fixture.collectionId = seeded.collectionId;
    fixture.leaveChunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    await fixture.server?.stop();
    await database?.destroy();
    await fixture.fake?.close();
  });
  return fixture;
}
