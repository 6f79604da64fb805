// Subscriptions that read the event log instead of a local writer's memory, in SQL statements
// per second: on runs waiting behind a busy thread (they execute nowhere yet), and on a run
// executing in another server process (the scale-out path: NOTIFY, then each subscriber
// re-reads the log).
import type pg from 'pg';
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import {
  postGraphQL,
  startServerChild,
  summarise,
  wsClientOf,
  type SeededCollection,
  type ServerChild,
} from './_runs-client.js';
import { ASK, CANCEL, follow, sleep, startSlowRuns, type Follower } from './_runs-memory.js';
import type { ServerLoad, StatementCount } from './_runs-protocol.js';
import { round } from './_support.js';

/** Options of {@link measureLogReaders}. */
export interface LogReaderOptions {
  subscriptions: number;
  tokenDelayMs: number;
  /** Counting window, ms. */
  windowMs: number;
}

const total = (c: StatementCount) => Object.values(c.counts).reduce((a, b) => a + b, 0);
const perSecond = (c: StatementCount) => (total(c) / c.ms) * 1000;

/** Statements/s in `child` over `windowMs` (after `settleMs`). */
async function countWindow(child: ServerChild, windowMs: number): Promise<StatementCount> {
  await child.call({ cmd: 'countStart' });
  await sleep(windowMs);
  return child.call<StatementCount>({ cmd: 'countStop' });
}

/** Subscribes `gids` on sockets of 20 (the cost measured here is SQL, not sockets). */
function subscribeAll(url: string, gids: readonly string[]) {
  const clients = Array.from({ length: Math.ceil(gids.length / 20) }, () => wsClientOf(url));
  const followers: Follower[] = gids.map((gid, i) => follow(clients[Math.floor(i / 20)]!, gid));
  return { clients, followers };
}

/**
 * Statement rates of log-reading subscriptions, each above the same server's rate with the
 * same runs and no subscriber.
 */
export async function measureLogReaders(
  child: ServerChild,
  databaseUrl: string,
  fake: FakeLlmServer,
  pool: pg.Pool,
  seeded: SeededCollection,
  nextQuestion: () => string,
  options: LogReaderOptions,
) {
  // 1. Runs queued behind a busy thread, in the process that would execute them.
  const [head] = await startSlowRuns(
    child.url,
    fake,
    pool,
    seeded,
    nextQuestion,
    1,
    options.tokenDelayMs,
  );
  const waiting: string[] = [];
  for (let i = 0; i < options.subscriptions; i++) {
    const { ask } = await postGraphQL<{ ask: { id: string } }>(child.url, ASK, {
      input: {
        collectionId: seeded.collectionGid,
        question: nextQuestion(),
        threadId: head!.threadId,
      },
    });
    waiting.push(ask.id);
  }
  const queuedBaseline = await countWindow(child, options.windowMs);
  const queued = subscribeAll(child.url, waiting);
  await Promise.all(queued.followers.map((f) => Promise.race([f.first, sleep(3000)])));
  await sleep(1000);
  const queuedCount = await countWindow(child, options.windowMs);
  for (const gid of [...waiting].reverse()) await postGraphQL(child.url, CANCEL, { id: gid });
  await Promise.race([Promise.all(queued.followers.map((f) => f.ended)), sleep(10_000)]);
  await Promise.all(queued.clients.map((c) => c.dispose()));
  const queuedRate = perSecond(queuedCount) - perSecond(queuedBaseline);

  // 2. The head run keeps streaming in `child`; a second server, which executes no runs,
  // serves subscribers of it.
  const remote = await startServerChild(databaseUrl, fake.url, 'subscriber');
  try {
    await sleep(1000);
    const remoteBaseline = await countWindow(remote, options.windowMs);
    const gids = Array.from({ length: options.subscriptions }, () => head!.id);
    const followers = subscribeAll(remote.url, gids);
    await Promise.all(followers.followers.map((f) => Promise.race([f.first, sleep(5000)])));
    await sleep(1000);
    for (const f of followers.followers) f.recordLags = true;
    await remote.call({ cmd: 'loadStart' });
    const tokensBefore = followers.followers.reduce((n, f) => n + f.tokenEvents, 0);
    const remoteCount = await countWindow(remote, options.windowMs);
    const tokens = followers.followers.reduce((n, f) => n + f.tokenEvents, 0) - tokensBefore;
    const load = await remote.call<ServerLoad>({ cmd: 'loadStop' });
    for (const f of followers.followers) f.recordLags = false;
    // How many times the run's writer notified meanwhile, from the executing side.
    const executing = await countWindow(child, 1000);
    await postGraphQL(child.url, CANCEL, { id: head!.id });
    await Promise.race([Promise.all(followers.followers.map((f) => f.ended)), sleep(10_000)]);
    await Promise.all(followers.clients.map((c) => c.dispose()));
    const remoteRate = perSecond(remoteCount) - perSecond(remoteBaseline);
    const deltasPerSecondPerSubscriber = (tokens / options.subscriptions / remoteCount.ms) * 1000;
    return {
      subscriptions: options.subscriptions,
      onQueuedRuns: {
        statementsPerSecond: round(queuedRate, 0),
        perSubscriptionPerSecond: round(queuedRate / options.subscriptions, 2),
        byCategory: queuedCount.counts,
      },
      onRunInAnotherProcess: {
        statementsPerSecond: round(remoteRate, 0),
        perSubscriptionPerSecond: round(remoteRate / options.subscriptions, 2),
        /** TokenDelta events each subscriber received per second meanwhile. */
        tokenDeltasPerSecondPerSubscriber: round(deltasPerSecondPerSubscriber, 1),
        // Each event-log append of the executing process notifies from its own statement.
        notificationsPerSecondFromExecutingProcess:
          (executing.counts['notify'] ?? 0) + (executing.counts['runEventLog'] ?? 0),
        statementsPerDeliveredTokenDelta: round(
          (remoteRate * (remoteCount.ms / 1000)) / Math.max(1, tokens),
          2,
        ),
        deliveryLagMs: summarise(followers.followers.flatMap((f) => f.lagsMs)),
        server: load,
        byCategory: remoteCount.counts,
      },
    };
  } finally {
    await remote.stop();
  }
}
