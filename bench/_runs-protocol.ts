// What `bench/runs.ts` and its server child (`bench/_runs-server.ts`) say to each other over IPC.

/** A request from the bench to its server child. */
export type ChildRequest = { id: number } & (
  | { cmd: 'memory'; gc: boolean }
  | { cmd: 'countStart' }
  | { cmd: 'countStop' }
  | { cmd: 'clock' }
  | { cmd: 'firstTokenEmits' }
  | { cmd: 'loadStart' }
  | { cmd: 'loadStop' }
  | { cmd: 'modelStream'; runs: number }
  | { cmd: 'bare'; runs: number; concurrency: number; tag: string }
  | {
      cmd: 'agentic';
      runs: number;
      concurrency: number;
      tag: string;
      workspaceId: string;
      collectionId: string;
      questions: string[];
    }
  | { cmd: 'stop' }
);

/** A reply of the server child (or its ready message). */
export type ChildReply =
  | { ready: true; url: string }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };

/** `process.memoryUsage()` of the server child, in bytes. */
export interface MemoryReading {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/**
 * The server child over a window: event-loop delay (`monitorEventLoopDelay`, 1 ms
 * resolution) and queries waiting for a pool connection (sampled every 10 ms).
 */
export interface ServerLoad {
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  poolWaitingMedian: number;
  poolWaitingMax: number;
  /** Share of samples with at least one query waiting for a connection. */
  poolBusyShare: number;
}

/** Latencies of a loop of calls and how long the loop took. */
export interface LoopResult {
  latenciesMs: number[];
  wallMs: number;
}

/** Statements counted in the child between `countStart` and `countStop`, by category. */
export interface StatementCount {
  counts: Record<string, number>;
  ms: number;
  /** The most frequent statements (category and first 90 characters) and their counts. */
  top: [string, number][];
}

/** Node count of the bare LangGraph baseline: the agentic graph's happy path. */
export const BARE_NODE_COUNT = 7;

/** A rough owner of one SQL statement, for the per-run breakdown. */
export function statementCategory(sql: string): string {
  const s = sql.trimStart().toLowerCase();
  if (s.includes('ballast_jobs')) return 'jobQueue';
  if (/^(begin|commit|rollback|savepoint|release)\b/.test(s)) return 'transactionControl';
  if (/^(listen|unlisten)\b/.test(s)) return 'listen';
  // An event-log append notifies from the same statement: it counts as the append.
  if (s.includes('run_events')) return 'runEventLog';
  if (s.includes('pg_notify')) return 'notify';
  if (/ballast_checkpoints|checkpoint_blobs|checkpoint_writes/.test(s)) return 'checkpoints';
  if (s.includes('rate_limits')) return 'rateLimits';
  if (s.includes('answer_cache')) return 'answerCache';
  if (/\b(chunks|documents|hnsw)\b/.test(s)) return 'retrieval';
  if (/\b(runs|threads|collections)\b/.test(s)) return 'runsThreadsCollections';
  return 'other';
}

/** Runs `one(i)` `runs` times, `concurrency` at once; per-call latencies and the wall time. */
export async function runLoop(
  runs: number,
  concurrency: number,
  one: (i: number) => Promise<void>,
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < runs; i = next++) {
        const t = performance.now();
        await one(i);
        latenciesMs.push(performance.now() - t);
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started };
}
