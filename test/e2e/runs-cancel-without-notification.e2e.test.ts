import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '../../src/graphql/ids.js';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import { answerReply, fakeChain, gradeReply, seedThroughGraphQL } from './support/runs-fixture.js';

const LEASE_SECONDS = 3;
const ANSWER = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

// A cancel is a flag on the run plus a notification to the process executing it. Notifications
// are not durable (a LISTEN connection lost, another replica restarting): the lease renewal
// reads the flag too, so the run still ends CANCELLED within one renewal (a third of a lease).
describe(`a cancel whose notification is lost still lands (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let chunks: string[];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      runLeaseSeconds: LEASE_SECONDS,
    });
    const seeded = await seedThroughGraphQL(server);
    collectionId = seeded.collectionId;
    chunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  it('ends CANCELLED within one lease renewal when only the flag is set', async () => {
    // About 60 tokens 150 ms apart: the answer would take 9 s.
    fake.script('primary', [
      gradeReply(chunks),
      answerReply(ANSWER, chunks, { tokenDelayMs: 150 }),
    ]);
    const asked = await server.execute<{ ask: { id: string } }>(
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId, question: 'How long is parental leave?' } },
    );
    const runId = decodeId('Run', asked.data!.ask.id)!;
    const pool = database.db.pool;
    await waitFor(async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM run_events WHERE run_id = $1 AND type = 'TokenDelta' LIMIT 1`,
        [runId],
      );
      return rows.length > 0 ? true : undefined;
    }, 20_000);
    // What cancelRun writes, without the notification that would normally follow it.
    await pool.query(`UPDATE runs SET cancel_requested = true WHERE id = $1`, [runId]);
    const status = await waitFor(async () => {
      const { rows } = await pool.query<{ status: string }>(
        'SELECT status FROM runs WHERE id = $1',
        [runId],
      );
      return rows[0]!.status === 'RUNNING' ? undefined : rows[0]!.status;
    }, 20_000);
    // Without the flag being read, the answer goes on to the end: SUCCEEDED.
    expect(status).toBe('CANCELLED');
    const { rows } = await pool.query<{ type: string }>(
      'SELECT type FROM run_events WHERE run_id = $1 ORDER BY seq DESC LIMIT 1',
      [runId],
    );
    expect(rows[0]!.type).toBe('RunCancelled');
  });
});
