import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/events/notifier.js';
import { decodeId } from '../../../src/graphql/ids.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import {
  openSubscription,
  recordStatements,
  type SubscriptionStream,
} from '../../support/in-process-subscriptions.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';

const DEADLINE_MS = 10_000;
/** How long an idle subscription is watched: several of the former 1 s re-checks. */
const IDLE_WATCH_MS = 2_500;
const SUBSCRIBERS = 10;

const RUN_EVENTS = 'subscription ($runId: ID!) { runEvents(runId: $runId) { __typename seq } }';
const INGEST_UPDATES = 'subscription ($id: ID!) { ingestJobUpdates(id: $id) { id status } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The next result of `stream`, or a failure naming `what` after the deadline. */
async function nextWithin(stream: SubscriptionStream, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([stream.next(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Push, never poll: a subscription waiting on a run that executes elsewhere (here: nowhere, the
// server runs no worker, as a run queued behind a busy thread or running in another replica)
// reads nothing until the run is announced, and one announcement is read once for every
// subscriber of the run in this process.
describe(`waiting subscriptions cost no SQL (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let statements: ReturnType<typeof recordStatements>;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, databaseUrl: database.url, worker: false });
    statements = recordStatements(database.db.pool);
    const created = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "waiting" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  async function queuedRun(question: string): Promise<{ id: string; uuid: string }> {
    const asked = await server.execute<{ ask: { id: string } }>(
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId, question } },
    );
    const id = asked.data!.ask.id;
    return { id, uuid: decodeId('Run', id)! };
  }

  /** Waits until the statements about `uuid` stop growing (the subscriptions are all waiting). */
  async function settled(uuid: string): Promise<number> {
    let previous = -1;
    return waitFor({
      what: `statements about ${uuid} to stop`,
      read: async () => {
        await sleep(200);
        const now = statements.about(uuid);
        const stable = now === previous;
        previous = now;
        return stable ? now : undefined;
      },
      until: (count) => count !== undefined,
      timeoutMs: DEADLINE_MS,
    }) as Promise<number>;
  }

  it('runEvents on a queued run: no statement while nothing happens', async () => {
    const run = await queuedRun('Who waits quietly?');
    const stream = await openSubscription(server.services, RUN_EVENTS, { runId: run.id });
    const pending = stream.next();
    const before = await settled(run.uuid);
    await sleep(IDLE_WATCH_MS);
    expect(statements.about(run.uuid) - before).toBe(0);
    await stream.return();
    await pending;
  });

  it('ingestJobUpdates on a waiting job: no statement while nothing happens', async () => {
    const job = await server.execute<{ ingestDocuments: { id: string } }>(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId, documents: [{ title: 'Idle', text: 'Nobody ingests this.' }] } },
    );
    const id = job.data!.ingestDocuments.id;
    const uuid = decodeId('IngestJob', id)!;
    const stream = await openSubscription(server.services, INGEST_UPDATES, { id });
    expect((await nextWithin(stream, 'first job update')).value).toMatchObject({
      data: { ingestJobUpdates: { id, status: 'QUEUED' } },
    });
    const pending = stream.next();
    const before = await settled(uuid);
    await sleep(IDLE_WATCH_MS);
    expect(statements.about(uuid) - before).toBe(0);
    await stream.return();
    await pending;
  });

  it(`one announcement is read once for ${SUBSCRIBERS} subscribers of the run`, async () => {
    const run = await queuedRun('Who is read once?');
    const streams = await Promise.all(
      Array.from({ length: SUBSCRIBERS }, () =>
        openSubscription(server.services, RUN_EVENTS, { runId: run.id }),
      ),
    );
    const firsts = streams.map((stream) => nextWithin(stream, 'the announced event'));
    const before = await settled(run.uuid);

    // What another replica executing the run writes, then announces.
    await database.db.pool.query(
      `INSERT INTO run_events (run_id, seq, type, payload) VALUES ($1, 1, 'RunStarted', '{}')`,
      [run.uuid],
    );
    const readBefore = statements.about(run.uuid);
    await server.services.notifier.publish(CHANNELS.runEvents, run.uuid);
    const delivered = await Promise.all(firsts);
    for (const step of delivered) {
      expect(step.value).toMatchObject({
        data: { runEvents: { __typename: 'RunStarted', seq: 1 } },
      });
    }
    expect(statements.about(run.uuid) - readBefore, 'statements to deliver one event').toBe(1);
    expect(readBefore - before).toBe(1); // the insert above

    await Promise.all(streams.map((stream) => stream.return()));
    expect(server.services.runLog.size).toBe(0);
  });
});
