// Part 2 of `bench/runs.ts`: runs per second with a zero-latency model, end to end through
// Ballast (`ask` over HTTP → durable run queue → graph → event log → `runEvents` over
// graphql-ws until `RunCompleted`), next to a bare seven-node LangGraph `invoke` and the
// agentic-RAG graph streamed directly, both on the server's own checkpointer, in its process.
import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { decodeId } from '../src/graphql/ids.js';
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import {
  answerOf,
  postGraphQL,
  summarise,
  universalReply,
  wsClientOf,
  type SeededCollection,
  type ServerChild,
} from './_runs-client.js';
import {
  BARE_NODE_COUNT,
  type LoopResult,
  type ServerLoad,
  type StatementCount,
} from './_runs-protocol.js';
import { round } from './_support.js';

const ASK = `mutation ($input: AskInput!) { ask(input: $input) { id } }`;
const RUN_EVENTS = `subscription ($runId: ID!) {
  runEvents(runId: $runId) {
    __typename
    ... on RunCompleted { answer { cached } }
    ... on RunFailed { code message }
  }
}`;

/** Options of {@link measureThroughput}. */
export interface ThroughputOptions {
  sequentialRuns: number;
  concurrentRuns: number;
  concurrency: number;
  warmup: number;
  /** Idle window for the background statement rate (pg-boss polling, maintenance). */
  idleMs: number;
}

/** `ask` over HTTP, then `runEvents` until the terminal event; the run's uuid. */
async function askAndWait(
  url: string,
  client: Client,
  collectionGid: string,
  question: string,
): Promise<{ runId: string; askMs: number }> {
  const started = performance.now();
  const { ask } = await postGraphQL<{ ask: { id: string } }>(url, ASK, {
    input: { collectionId: collectionGid, question },
  });
  const askMs = performance.now() - started;
  await new Promise<void>((resolve, reject) => {
    let completed = false;
    client.subscribe<{
      runEvents: { __typename: string; answer?: { cached: boolean }; code?: string };
    }>(
      { query: RUN_EVENTS, variables: { runId: ask.id } },
      {
        next: (result) => {
          const event = result.data?.runEvents;
          if (!event) return reject(new Error(JSON.stringify(result.errors)));
          if (event.__typename === 'RunFailed') reject(new Error(`run failed: ${event.code}`));
          if (event.__typename === 'RunCompleted') {
            if (event.answer?.cached) reject(new Error('answered from the cache'));
            completed = true;
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => (completed ? resolve() : reject(new Error('ended without RunCompleted'))),
      },
    );
  });
  return { runId: decodeId('Run', ask.id)!, askMs };
}

/** Ballast end to end: `runs` runs by `concurrency` clients, each on its own WebSocket. */
export async function ballastLoop(
  child: ServerChild,
  seeded: SeededCollection,
  nextQuestion: () => string,
  runs: number,
  concurrency: number,
): Promise<LoopResult & { runIds: string[]; askMs: number[] }> {
  const clients = Array.from({ length: concurrency }, () => wsClientOf(child.url));
  const latenciesMs: number[] = [];
  const askMs: number[] = [];
  const runIds: string[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let i = next++; i < runs; i = next++) {
          const t = performance.now();
          const run = await askAndWait(child.url, client, seeded.collectionGid, nextQuestion());
          latenciesMs.push(performance.now() - t);
          askMs.push(run.askMs);
          runIds.push(run.runId);
        }
      }),
    );
    return { latenciesMs, wallMs: performance.now() - started, runIds, askMs };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

const rate = (loop: LoopResult) => round((loop.latenciesMs.length / loop.wallMs) * 1000);

/** Statements per run by category, after removing the idle background rate. */
function perRun(count: StatementCount, runs: number, idle: StatementCount) {
  const categories = new Set([...Object.keys(count.counts), ...Object.keys(idle.counts)]);
  const byCategory: Record<string, number> = {};
  let total = 0;
  let raw = 0;
  for (const category of [...categories].sort()) {
    const measured = count.counts[category] ?? 0;
    const background = ((idle.counts[category] ?? 0) / idle.ms) * count.ms;
    const value = Math.max(0, (measured - background) / runs);
    raw += measured;
    if (value >= 0.05) byCategory[category] = round(value, 1);
    total += value;
  }
  return { total: round(total, 1), rawTotal: round(raw / runs, 1), byCategory };
}

/** Per-run phases from the runs table (database clock), for the sequential Ballast runs. */
async function phases(pool: pg.Pool, runIds: string[]) {
  const rows = await pool.query<{ queue_ms: number; execute_ms: number; events: number }>(
    `SELECT extract(epoch FROM started_at - created_at) * 1000 AS queue_ms,
            extract(epoch FROM finished_at - started_at) * 1000 AS execute_ms,
            (SELECT count(*) FROM run_events e WHERE e.run_id = r.id)::int AS events
     FROM runs r WHERE id = ANY($1::uuid[])`,
    [runIds],
  );
  return {
    /** `created_at` → `started_at`: from the `ask` transaction to the worker's claim. */
    queueMs: summarise(rows.rows.map((r) => Number(r.queue_ms))),
    /** `started_at` → `finished_at`: graph, event log, up to the final transaction's start. */
    executeMs: summarise(rows.rows.map((r) => Number(r.execute_ms))),
    eventsPerRun: summarise(rows.rows.map((r) => r.events)),
  };
}

/**
 * Runs/s sequentially and at `concurrency`, for Ballast end to end, the agentic graph
 * directly and the bare graph, with SQL statements per run (sequential phase) by category.
 */
export async function measureThroughput(
  child: ServerChild,
  fake: FakeLlmServer,
  pool: pg.Pool,
  seeded: SeededCollection,
  nextQuestion: () => string,
  options: ThroughputOptions,
) {
  fake.script('primary', universalReply(answerOf(12), seeded.chunkIds));
  const counted = async <T>(work: () => Promise<T>): Promise<[T, StatementCount]> => {
    await child.call({ cmd: 'countStart' });
    const result = await work();
    return [result, await child.call<StatementCount>({ cmd: 'countStop' })];
  };
  const agentic = (runs: number, concurrency: number, tag: string) =>
    child.call<LoopResult>({
      cmd: 'agentic',
      runs,
      concurrency,
      tag,
      workspaceId: seeded.workspaceId,
      collectionId: seeded.collectionId,
      questions: Array.from({ length: runs }, nextQuestion),
    });
  const bare = (runs: number, concurrency: number, tag: string) =>
    child.call<LoopResult>({ cmd: 'bare', runs, concurrency, tag });

  // Warm every path, then the idle background rate of the server's statements.
  await ballastLoop(child, seeded, nextQuestion, options.warmup, 1);
  await agentic(options.warmup, 1, 'warm');
  await bare(options.warmup, 1, 'warm');
  await child.call({ cmd: 'countStart' });
  await new Promise((r) => setTimeout(r, options.idleMs));
  const idle = await child.call<StatementCount>({ cmd: 'countStop' });

  const { sequentialRuns: n, concurrentRuns: m, concurrency: c } = options;
  await child.call({ cmd: 'loadStart' });
  const [ballast1, ballast1Count] = await counted(() =>
    ballastLoop(child, seeded, nextQuestion, n, 1),
  );
  const ballast1Load = await child.call<ServerLoad>({ cmd: 'loadStop' });
  const [agentic1, agentic1Count] = await counted(() => agentic(n, 1, 'seq'));
  const [bare1, bare1Count] = await counted(() => bare(n, 1, 'seq'));
  await child.call({ cmd: 'loadStart' });
  const ballastC = await ballastLoop(child, seeded, nextQuestion, m, c);
  const ballastCLoad = await child.call<ServerLoad>({ cmd: 'loadStop' });
  const agenticC = await agentic(m, c, 'conc');
  const bareC = await bare(m, c, 'conc');

  const row = (loop: LoopResult) => ({
    runsPerSecond: rate(loop),
    latencyMs: summarise(loop.latenciesMs),
  });
  const ballastPhases = await phases(pool, ballast1.runIds);
  return {
    /** shared/ANCHORS.md, this kind of machine: LangGraph's open JS server, trivial graph. */
    anchorLangGraphApiRunsPerSecond: { sequential: 1.7, concurrency10: 15.5 },
    nodesPerRun: BARE_NODE_COUNT,
    concurrency: c,
    idleStatementsPerSecond: round(
      (Object.values(idle.counts).reduce((a, b) => a + b, 0) / idle.ms) * 1000,
      1,
    ),
    sequential: {
      ballast: {
        ...row(ballast1),
        askMutationMs: summarise(ballast1.askMs),
        ...ballastPhases,
        server: ballast1Load,
      },
      agenticGraphDirect: row(agentic1),
      bareLangGraph: row(bare1),
      ratioBallastToBare: round(rate(ballast1) / rate(bare1)),
      ratioBallastToAgenticGraph: round(rate(ballast1) / rate(agentic1)),
    },
    concurrent: {
      ballast: {
        ...row(ballastC),
        askMutationMs: summarise(ballastC.askMs),
        server: ballastCLoad,
      },
      agenticGraphDirect: row(agenticC),
      bareLangGraph: row(bareC),
      ratioBallastToBare: round(rate(ballastC) / rate(bareC)),
      ratioBallastToAgenticGraph: round(rate(ballastC) / rate(agenticC)),
    },
    statementsPerRun: {
      ballast: {
        ...perRun(ballast1Count, n, idle),
        /** Most frequent statements, per run (idle background included). */
        top: ballast1Count.top.slice(0, 15).map(([sql, count]) => [round(count / n, 1), sql]),
      },
      agenticGraphDirect: perRun(agentic1Count, n, idle),
      bareLangGraph: perRun(bare1Count, n, idle),
    },
  };
}
