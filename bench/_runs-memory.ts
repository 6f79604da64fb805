// Part 3 of `bench/runs.ts`: the server's resident memory with 1,000 `runEvents`
// subscriptions open while their runs stream. Two layouts: one WebSocket per subscription
// (1,000 browser tabs) and 100 subscriptions on each of 10 WebSockets (to tell the cost of a
// socket from that of a subscription). The clients live in the bench process; the figures
// are the server child's own `process.memoryUsage()`.
import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { decodeId } from '../src/graphql/ids.js';
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import {
  answerOf,
  postGraphQL,
  scriptNextRun,
  summarise,
  wsClientOf,
  type SeededCollection,
  type ServerChild,
} from './_runs-client.js';
import type { MemoryReading, ServerLoad } from './_runs-protocol.js';
import { median, round } from './_support.js';

/** `runEvents` with the fields a streaming client reads. */
export const RUN_EVENTS = `subscription ($runId: ID!) {
  runEvents(runId: $runId) { __typename seq at ... on TokenDelta { text } }
}`;
/** `ask`, returning the run and its thread. */
export const ASK = `mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }`;
/** `cancelRun`. */
export const CANCEL = `mutation ($id: ID!) { cancelRun(id: $id) { status } }`;
const MB = 1024 * 1024;
/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Options of {@link measureMemory}. */
export interface MemoryOptions {
  subscriptions: number;
  /** Runs the subscriptions are spread over (at most the server's run concurrency, 10). */
  runs: number;
  /** The fake's delay between answer tokens: how slowly the runs stream. */
  tokenDelayMs: number;
  /** Subscriptions opened at once while connecting. */
  connectBatch: number;
  /** Subscriptions per WebSocket in the shared-socket layout (server cap: 100). */
  perSocket: number;
}

/** One open subscription, as the bench follows it. */
export interface Follower {
  events: number;
  tokenEvents: number;
  /** Receipt time − the event's `at`, for TokenDelta events (ms, 1 ms resolution). */
  lagsMs: number[];
  recordLags: boolean;
  /** Resolves on the first event. */
  first: Promise<void>;
  /** Resolves with the last event's type when the server completes the subscription. */
  ended: Promise<string>;
  /** Closes this subscription (not the socket). */
  unsubscribe(): void;
}

/** Subscribes to `runEvents` of `runGid` on `client` and follows it. */
export function follow(client: Client, runGid: string): Follower {
  let firstSeen: () => void = () => undefined;
  let unsubscribe: () => void = () => undefined;
  const follower: Follower = {
    events: 0,
    tokenEvents: 0,
    lagsMs: [],
    recordLags: false,
    first: new Promise<void>((resolve) => (firstSeen = resolve)),
    ended: Promise.resolve(''),
    unsubscribe: () => unsubscribe(),
  };
  follower.ended = new Promise<string>((resolve, reject) => {
    let last = '';
    unsubscribe = client.subscribe<{ runEvents: { __typename: string; at: string } }>(
      { query: RUN_EVENTS, variables: { runId: runGid } },
      {
        next: (result) => {
          const received = Date.now();
          const event = result.data?.runEvents;
          if (!event) return reject(new Error(JSON.stringify(result.errors)));
          follower.events++;
          last = event.__typename;
          if (event.__typename === 'TokenDelta') {
            follower.tokenEvents++;
            if (follower.recordLags) follower.lagsMs.push(received - Date.parse(event.at));
          }
          firstSeen();
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(last),
      },
    );
  });
  follower.ended.catch(() => undefined);
  return follower;
}

const mb = (bytes: number) => round(bytes / MB, 1);
const view = (m: MemoryReading) => ({
  rssMB: mb(m.rss),
  heapUsedMB: mb(m.heapUsed),
  externalMB: mb(m.external),
  arrayBuffersMB: mb(m.arrayBuffers),
});

/** A memory figure of the server child: RSS sampled as it is, and after forced GC. */
interface Reading {
  /** Median of RSS samples taken without forcing GC (what the OS sees meanwhile). */
  rssMB: number;
  rssMaxMB: number;
  /** Medians of the same samples: V8 heap reserved and in use (live + not yet collected). */
  heapTotalMB: number;
  heapUsedMB: number;
  afterGc: ReturnType<typeof view>;
}

/**
 * RSS sampled `samples` times over `ms` without forcing GC, then after a forced GC. With
 * `gcFirst` (idle readings) a GC runs first, so the samples are not the warm-up's garbage.
 * `load` measures event-loop delay over the sampling only, not over the forced GC.
 */
async function reading(
  child: ServerChild,
  options: { samples?: number; ms?: number; gcFirst?: boolean; load?: boolean } = {},
): Promise<Reading & { load?: ServerLoad }> {
  const { samples = 5, ms = 2000 } = options;
  if (options.gcFirst) {
    await child.call({ cmd: 'memory', gc: true });
    await sleep(500);
  }
  if (options.load) await child.call({ cmd: 'loadStart' });
  const taken: MemoryReading[] = [];
  for (let i = 0; i < samples; i++) {
    taken.push(await child.call<MemoryReading>({ cmd: 'memory', gc: false }));
    await sleep(ms / samples);
  }
  const rss = taken.map((m) => m.rss);
  const load = options.load ? await child.call<ServerLoad>({ cmd: 'loadStop' }) : undefined;
  const afterGc = await child.call<MemoryReading>({ cmd: 'memory', gc: true });
  return {
    rssMB: mb(median(rss)),
    rssMaxMB: mb(Math.max(...rss)),
    heapTotalMB: mb(median(taken.map((m) => m.heapTotal))),
    heapUsedMB: mb(median(taken.map((m) => m.heapUsed))),
    afterGc: view(afterGc),
    ...(load ? { load } : {}),
  };
}

/** Waits until every run has logged a TokenDelta (they are all in `generate`). */
export async function untilStreaming(pool: pg.Pool, runIds: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await pool.query<{ n: number }>(
      `SELECT count(DISTINCT run_id)::int AS n FROM run_events
       WHERE run_id = ANY($1::uuid[]) AND type = 'TokenDelta'`,
      [runIds],
    );
    if (rows.rows[0]!.n === runIds.length) return;
    if (Date.now() > deadline) {
      const state = await pool.query(
        `SELECT r.status, r.error_code, array_agg(e.type ORDER BY e.seq) AS events
         FROM runs r LEFT JOIN run_events e ON e.run_id = r.id
         WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
        [runIds],
      );
      throw new Error(`the slow runs did not start streaming: ${JSON.stringify(state.rows)}`);
    }
    await sleep(100);
  }
}

/** Starts `count` slow runs one after another, each streaming before the next starts. */
export async function startSlowRuns(
  url: string,
  fake: FakeLlmServer,
  pool: pg.Pool,
  seeded: SeededCollection,
  nextQuestion: () => string,
  count: number,
  tokenDelayMs: number,
  threadId?: string,
): Promise<{ id: string; threadId: string }[]> {
  const runs: { id: string; threadId: string }[] = [];
  for (let i = 0; i < count; i++) {
    scriptNextRun(fake, answerOf(2000), seeded.chunkIds, { tokenDelayMs });
    const { ask } = await postGraphQL<{ ask: { id: string; thread: { id: string } } }>(url, ASK, {
      input: { collectionId: seeded.collectionGid, question: nextQuestion(), threadId },
    });
    runs.push({ id: ask.id, threadId: ask.thread.id });
    await untilStreaming(pool, [decodeId('Run', ask.id)!]);
  }
  return runs;
}

/** Opens `subscriptions` subscriptions over sockets of `perSocket`, measures, closes them. */
async function layout(
  child: ServerChild,
  runGids: readonly string[],
  options: MemoryOptions,
  perSocket: number,
) {
  const sockets = Math.ceil(options.subscriptions / perSocket);
  const clients = Array.from({ length: sockets }, () => wsClientOf(child.url));
  const followers: Follower[] = [];
  const connectStarted = performance.now();
  for (let i = 0; i < options.subscriptions; i += options.connectBatch) {
    const batch = Array.from(
      { length: Math.min(options.connectBatch, options.subscriptions - i) },
      (_, j) =>
        follow(clients[Math.floor((i + j) / perSocket)]!, runGids[(i + j) % runGids.length]!),
    );
    followers.push(...batch);
    await Promise.all(batch.map((f) => Promise.race([f.first, f.ended])));
  }
  const connectMs = performance.now() - connectStarted;
  await sleep(1000);
  for (const f of followers) f.recordLags = true;
  const tokensBefore = followers.reduce((n, f) => n + f.tokenEvents, 0);
  const windowStarted = performance.now();
  const loaded = await reading(child, { samples: 8, ms: 4000, load: true });
  const windowMs = performance.now() - windowStarted;
  const tokensDuring = followers.reduce((n, f) => n + f.tokenEvents, 0) - tokensBefore;
  for (const f of followers) f.recordLags = false;
  const open = await Promise.all(
    followers.map((f) => Promise.race([f.ended.then(() => false), sleep(0).then(() => true)])),
  );
  await Promise.all(clients.map((c) => c.dispose()));
  await sleep(1500);
  const afterClose = await reading(child, { samples: 3, ms: 1000, gcFirst: true });
  return {
    webSockets: sockets,
    connectSeconds: round(connectMs / 1000),
    openThroughoutWindow: open.filter(Boolean).length,
    tokenDeltasDeliveredPerSecond: round((tokensDuring / windowMs) * 1000, 0),
    /** Client receipt − the event's `at` (server clock, ms resolution), during the window. */
    deliveryLagMs: summarise(followers.flatMap((f) => f.lagsMs)),
    loaded,
    /** After every socket closed, the runs still streaming: back to `runsStreaming`? */
    afterClose,
  };
}

/**
 * Idle RSS (warmed-up server, after GC), then `runs` slow runs streaming with nobody
 * watching, then `subscriptions` subscriptions spread over them in each socket layout.
 */
export async function measureMemory(
  child: ServerChild,
  fake: FakeLlmServer,
  pool: pg.Pool,
  seeded: SeededCollection,
  nextQuestion: () => string,
  options: MemoryOptions,
) {
  const idle = await reading(child, { gcFirst: true });
  const runs = await startSlowRuns(
    child.url,
    fake,
    pool,
    seeded,
    nextQuestion,
    options.runs,
    options.tokenDelayMs,
  );
  const runGids = runs.map((r) => r.id);
  const runsStreaming = await reading(child, { gcFirst: true });
  const oneSocketEach = await layout(child, runGids, options, 1);
  const shared = await layout(child, runGids, options, options.perSocket);
  for (const gid of runGids) await postGraphQL(child.url, CANCEL, { id: gid });

  const above = (r: Reading) => ({
    /** RSS as sampled under load − idle RSS (both without forcing GC; idle after a GC). */
    whileStreamingMB: round(r.rssMB - idle.rssMB, 1),
    /** Retained: both after forced GC. */
    afterGcMB: round(r.afterGc.rssMB - idle.afterGc.rssMB, 1),
    heapUsedAfterGcMB: round(r.afterGc.heapUsedMB - idle.afterGc.heapUsedMB, 1),
  });
  // RSS moves by whole pages V8 commits and releases: per subscription, the heap is exact.
  const perSubscriptionKB = (r: Reading) =>
    round(
      ((r.afterGc.heapUsedMB - runsStreaming.afterGc.heapUsedMB) * 1024) / options.subscriptions,
      1,
    );
  const headline = above(oneSocketEach.loaded);
  return {
    includes:
      'process.memoryUsage() of the server child only: Ballast (Apollo, graphql-ws, pg pool, ' +
      'pg-boss, LangGraph, the worker executing the runs). The 1,000 clients and the fake ' +
      'model live in the bench process and are not counted.',
    subscriptions: options.subscriptions,
    runs: options.runs,
    tokenDelayMs: options.tokenDelayMs,
    idle,
    runsStreaming,
    oneSocketPerSubscription: {
      ...oneSocketEach,
      aboveIdle: headline,
      retainedHeapPerSubscriptionKB: perSubscriptionKB(oneSocketEach.loaded),
    },
    sharedSockets: {
      subscriptionsPerSocket: options.perSocket,
      ...shared,
      aboveIdle: above(shared.loaded),
      retainedHeapPerSubscriptionKB: perSubscriptionKB(shared.loaded),
    },
    targetAboveIdleMB: 100,
    /** On the retained figure (both readings after forced GC). */
    metTarget: headline.afterGcMB <= 100,
    metTargetWhileStreaming: headline.whileStreamingMB <= 100,
  };
}
