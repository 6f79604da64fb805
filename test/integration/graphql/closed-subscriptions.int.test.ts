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
/** How long `return()` may take: the stream is idle, so closing it is immediate when it works. */
const CLOSE_DEADLINE_MS = 3_000;
/** How long a closed subscription is watched for statements after it was woken. */
const WATCH_MS = 1_500;

const RUN_EVENTS = 'subscription ($runId: ID!) { runEvents(runId: $runId) { __typename seq } }';
const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { __typename seq } }`;
const INGEST_UPDATES = 'subscription ($id: ID!) { ingestJobUpdates(id: $id) { id status } }';

type Stream = SubscriptionStream;

/** `promise` settled within `ms`? Never rejects. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(true)),
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The server runs no worker: runs stay QUEUED and ingest jobs waiting, so a subscription to
// them has nothing to deliver and only waits, as one whose run waits its turn does.
describe(`closing a subscription stops its work at once (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;
  let statements: ReturnType<typeof recordStatements>;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, databaseUrl: database.url, worker: false });
    statements = recordStatements(database.db.pool);
    const created = await server.execute<{ createCollection: { id: string } }>(
      'mutation { createCollection(input: { name: "closing" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  const statementsAbout = (id: string) => statements.about(id);
  const open = (query: string, variables: Record<string, unknown>) =>
    openSubscription(server.services, query, variables);

  /**
   * Closes `stream` like graphql-ws does when its client unsubscribes or goes away, then wakes
   * the subscription as a notification would and watches it for {@link WATCH_MS}: what did it do?
   */
  async function closeAndWatch(
    stream: Stream,
    id: string,
    wake: () => Promise<void>,
  ): Promise<{ closed: boolean; statementsAfterClose: number }> {
    const before = statementsAbout(id);
    const closed = await settlesWithin(stream.return(), CLOSE_DEADLINE_MS);
    await wake();
    await sleep(WATCH_MS);
    return { closed, statementsAfterClose: statementsAbout(id) - before };
  }

  async function queuedRun(): Promise<{ id: string; uuid: string }> {
    const asked = await server.execute<{ ask: { id: string } }>(
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId, question: 'Who waits?' } },
    );
    const id = asked.data!.ask.id;
    return { id, uuid: decodeId('Run', id)! };
  }

  /** The uuid of the run asked with `question` (askStream creates it), once it exists. */
  const runAsked = (question: string) =>
    waitFor(async () => {
      const rows = await database.db.pool.query<{ id: string }>(
        'SELECT id FROM runs WHERE question = $1',
        [question],
      );
      return rows.rows[0]?.id;
    }, DEADLINE_MS);

  const polling = (id: string, count: number) =>
    waitFor(async () => (statementsAbout(id) >= count ? true : undefined), DEADLINE_MS);

  it('runEvents: no statement after return(), even when woken', async () => {
    const run = await queuedRun();
    const stream = await open(RUN_EVENTS, { runId: run.id });
    void stream.next();
    // The initial look-up, the log read, then the run status: it is waiting.
    await polling(run.uuid, 3);

    const outcome = await closeAndWatch(stream, run.uuid, () =>
      server.services.notifier.publish(CHANNELS.runEvents, run.uuid),
    );
    expect(outcome).toEqual({ closed: true, statementsAfterClose: 0 });
  });

  it('askStream: no statement after return(), and the run is left to execute', async () => {
    const question = 'Who streams and leaves?';
    const stream = await open(ASK_STREAM, { input: { collectionId, question } });
    void stream.next();
    const uuid = await runAsked(question);
    await polling(uuid, 3);

    const outcome = await closeAndWatch(stream, uuid, () =>
      server.services.notifier.publish(CHANNELS.runEvents, uuid),
    );
    expect(outcome).toEqual({ closed: true, statementsAfterClose: 0 });
    const run = await database.db.pool.query<{ status: string }>(
      'SELECT status FROM runs WHERE id = $1',
      [uuid],
    );
    expect(run.rows[0]!.status).toBe('QUEUED');
  });

  it('askStream with cancelOnDisconnect: return() cancels the run before it resolves', async () => {
    const question = 'Who cancels on leaving?';
    const stream = await open(ASK_STREAM, {
      input: { collectionId, question, cancelOnDisconnect: true },
    });
    void stream.next();
    const uuid = await runAsked(question);
    await polling(uuid, 3);

    expect(await settlesWithin(stream.return(), CLOSE_DEADLINE_MS)).toBe(true);
    const run = await database.db.pool.query<{ status: string }>(
      'SELECT status FROM runs WHERE id = $1',
      [uuid],
    );
    expect(run.rows[0]!.status).toBe('CANCELLED');
  });

  it('ingestJobUpdates: no statement after return(), even when woken', async () => {
    const job = await server.execute<{ ingestDocuments: { id: string } }>(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId, documents: [{ title: 'Waiting', text: 'Nobody ingests this.' }] } },
    );
    const id = job.data!.ingestDocuments.id;
    const uuid = decodeId('IngestJob', id)!;
    const stream = await open(INGEST_UPDATES, { id });
    const first = await stream.next();
    expect(first.value).toMatchObject({ data: { ingestJobUpdates: { id, status: 'QUEUED' } } });
    // Unchanged from now on: the subscription sleeps until the job is announced.
    void stream.next();
    await new Promise((resolve) => setImmediate(resolve));

    const outcome = await closeAndWatch(stream, uuid, () =>
      server.services.notifier.publish(CHANNELS.ingestJob, uuid),
    );
    expect(outcome).toEqual({ closed: true, statementsAfterClose: 0 });
  });
});
