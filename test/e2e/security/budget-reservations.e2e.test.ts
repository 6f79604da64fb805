import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import {
  answerReply,
  fakeChain,
  gradeReply,
  seedThroughGraphQL,
  universalReply,
} from '../support/runs-fixture.js';

const RESERVED_PER_RUN = 1000;
const ASK = `mutation ($input: AskInput!) { ask(input: $input) { id } }`;
const RUN = `query ($id: ID!) { run(id: $id) { status usage { inputTokens outputTokens } } }`;
const LONG_ANSWER = Array.from({ length: 40 }, (_, i) => `Leave fact ${i + 1}.`).join(' ');

describe(`token budgets are reserved when a run is asked (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let leaveChunks: string[];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      rateLimits: { tokensPerDayPerCaller: 3 * RESERVED_PER_RUN, tokensReservedPerRun: 1000 },
    });
    const seeded = await seedThroughGraphQL(server);
    collectionId = seeded.collectionId;
    leaveChunks = await seeded.chunkIds(/Parental leave/);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  const callerPoints = async () =>
    (
      await database.db.pool.query<{ points: number }>(
        `SELECT points FROM rate_limits WHERE key = 'tok:open'`,
      )
    ).rows[0]?.points ?? 0;

  const readRun = async (id: string) =>
    (
      await server.execute<{
        run: { status: string; usage: { inputTokens: number; outputTokens: number } | null };
      }>(RUN, { id })
    ).data!.run;

  const untilEnded = (id: string) =>
    waitFor(async () => {
      const run = await readRun(id);
      return ['QUEUED', 'RUNNING'].includes(run.status) ? undefined : run;
    }, 120_000);

  it('20 concurrent asks against a budget of 3 runs: 3 run, 17 are refused', async () => {
    // Slow answers: no run ends, and so settles, before every ask has been answered.
    fake.script('primary', universalReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 15 }));
    const asked = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.execute<{ ask: { id: string } }>(ASK, {
          input: { collectionId, question: `How long is parental leave? (${i})` },
        }),
      ),
    );
    const accepted = asked.flatMap((result) => (result.data ? [result.data.ask.id] : []));
    const refusals = asked.flatMap((result) => result.errors ?? []);
    expect(accepted).toHaveLength(3);
    expect(refusals).toHaveLength(17);
    for (const refusal of refusals) {
      expect(refusal.extensions?.['code']).toBe('RATE_LIMITED');
      expect(refusal.message).toMatch(/no room for another run/);
    }
    const ended = await Promise.all(accepted.map(untilEnded));
    expect(ended.map((run) => run.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // Each reservation is replaced by what the run used.
    const used = ended.reduce(
      (sum, run) => sum + run.usage!.inputTokens + run.usage!.outputTokens,
      0,
    );
    expect(used).toBeGreaterThan(0);
    expect(await callerPoints()).toBe(used);
  });

  it('a cancelled run is charged what it used', async () => {
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply(LONG_ANSWER, leaveChunks, { tokenDelayMs: 100 }),
    ]);
    const before = await callerPoints();
    const asked = await server.execute<{ ask: { id: string } }>(ASK, {
      input: { collectionId, question: 'What is the parental leave policy?' },
    });
    const id = asked.data!.ask.id;
    // Cancel once the answer streams: the grading call before it has been counted.
    await waitFor(async () => {
      const tokens = await database.db.pool.query(
        `SELECT 1 FROM run_events e JOIN runs r ON r.id = e.run_id
         WHERE e.type = 'TokenDelta' AND r.id::text = $1 LIMIT 1`,
        [await runUuid(id)],
      );
      return tokens.rowCount ? true : undefined;
    }, 60_000);
    const cancelled = await server.execute('mutation ($id: ID!) { cancelRun(id: $id) { id } }', {
      id,
    });
    expect(cancelled.errors).toBeUndefined();
    const run = await untilEnded(id);
    expect(run.status).toBe('CANCELLED');
    const used = run.usage!.inputTokens + run.usage!.outputTokens;
    expect(used).toBeGreaterThan(0);
    expect((await callerPoints()) - before).toBe(used);
  });

  const runUuid = async (id: string) => {
    const { decodeId } = await import('../../../src/graphql/ids.js');
    return decodeId('Run', id)!;
  };
});
