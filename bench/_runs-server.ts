// Child process of `bench/runs.ts`: a Ballast server alone in its process (`startTestServer`
// on the bench's PostgreSQL database, chat models on the parent's fake OpenAI server), so its
// resident memory is the server's own and its event loop serves nothing else. The parent
// drives it over HTTP/WebSocket like any client and asks it, over IPC, for memory readings,
// SQL statement counts and in-process baselines (a bare LangGraph graph and the agentic-RAG
// graph invoked directly, on the server's own checkpointer and pool).
//
// argv: <database url> <fake LLM base url> [subscriber]. Run with `--import tsx --expose-gc`.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import pg from 'pg';
import {
  buildAgenticRagGraph,
  hybridRetriever,
  streamAgenticRag,
} from '../graphs/agentic-rag/index.js';
import { ANSWER_OUTPUT } from '../graphs/agentic-rag/prompts.js';
import { createAnswerCache } from '../src/cache/index.js';
import { openPostgresDatabase } from '../src/db/postgres.js';
import { silentLogger } from '../src/logger.js';
import { parseModelsConfig } from '../src/models/config.js';
import { ActiveRuns } from '../src/runs/active-runs.js';
import { primaryOn } from '../test/e2e/support/runs-fixture.js';
import { startTestServer } from '../test/support/test-server.js';
import type {
  ChildReply,
  ChildRequest,
  MemoryReading,
  ServerLoad,
  StatementCount,
} from './_runs-protocol.js';
import { runLoop, statementCategory } from './_runs-protocol.js';
import { bareSevenNodeGraph } from './_support.js';

const [databaseUrl, fakeUrl, role] = process.argv.slice(2);
if (!databaseUrl || !fakeUrl || !process.send) {
  console.error('usage: fork bench/_runs-server.ts <database url> <fake url> (with IPC)');
  process.exit(2);
}

// Counts every statement any pg client of this process sends (pool, LISTEN connection,
// pg-boss through the pool), by category, while `counting` is on.
let counting = false;
let counts: Record<string, number> = {};
let shapes = new Map<string, number>();
let countStarted = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const category = statementCategory(text);
    counts[category] = (counts[category] ?? 0) + 1;
    const shape = `${category}: ${text.replace(/\s+/g, ' ').trim().slice(0, 90)}`;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalQuery;

// When each run emitted its first TokenDelta (`performance.timeOrigin + now()`, like the
// fake's `firstTokenAt`; the parent corrects the offset between the two processes): a
// listener registered on every event writer as the run starts, before any subscriber's.
const firstTokenEmits = new Map<string, number>();
const originalAdd = ActiveRuns.prototype.add;
ActiveRuns.prototype.add = function observedAdd(this: ActiveRuns, writer, abort) {
  let seen = writer.firstSeq - 1;
  const stop = writer.onPersisted(() => {
    for (const event of writer.eventsAfter(seen)) {
      seen = event.seq;
      if (event.type === 'TokenDelta') {
        firstTokenEmits.set(writer.runId, performance.timeOrigin + performance.now());
        stop();
        return;
      }
    }
  });
  originalAdd.call(this, writer, abort);
};
// Event-loop delay and pool queueing over a window (`loadStart` … `loadStop`).
let loopDelay: IntervalHistogram | null = null;
let poolSampler: NodeJS.Timeout | null = null;
let poolWaiting: number[] = [];

const db = await openPostgresDatabase({ url: databaseUrl, max: 10, logger: silentLogger });
// The e2e tests' model, with a call timeout long enough for the memory part's slow runs and
// a stall timeout that a loaded 2-core machine cannot trip.
const parsed = parseModelsConfig(
  {
    chat: [{ ...primaryOn({ url: fakeUrl }), timeoutMs: 600_000, stallTimeoutMs: 120_000 }],
    embedding: { id: 'emb', provider: 'local' },
  },
  {},
);
if (!parsed.ok) throw new Error(parsed.issues.join('; '));
// Open auth: every client is the same caller, so the per-caller limits are raised out of the
// way (each operation still pays for its rate-limit check).
const server = await startTestServer({
  db,
  models: parsed.config,
  databaseUrl,
  // A `subscriber` child serves clients only: the runs it streams execute in the other.
  worker: role !== 'subscriber',
  rateLimits: {
    requestsPerMinute: 10_000_000,
    tokensPerDayPerCaller: 1_000_000_000,
    tokensPerDayPerWorkspace: 1_000_000_000,
  },
});
const { services } = server;

const bare = bareSevenNodeGraph(services.checkpointer);
const agentic = buildAgenticRagGraph({
  router: services.models.chat,
  embedder: services.models.embedding,
  retrieve: hybridRetriever(db.pool, services.models.embedding),
  cache: createAnswerCache(db.pool),
  checkpointer: services.checkpointer,
  logger: silentLogger,
});

function memory(): MemoryReading {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
  };
}

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'memory': {
      if (request.gc) {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (!gc) throw new Error('run the child with --expose-gc');
        for (let i = 0; i < 3; i++) {
          gc();
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      return memory();
    }
    case 'countStart':
      counts = {};
      shapes = new Map();
      counting = true;
      countStarted = performance.now();
      return null;
    case 'countStop':
      counting = false;
      return {
        counts,
        ms: performance.now() - countStarted,
        top: [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 25),
      } satisfies StatementCount;
    case 'clock':
      return performance.timeOrigin + performance.now();
    case 'firstTokenEmits': {
      const result = Object.fromEntries(firstTokenEmits);
      firstTokenEmits.clear();
      return result;
    }
    case 'loadStart':
      loopDelay?.disable();
      loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      poolWaiting = [];
      if (poolSampler) clearInterval(poolSampler);
      poolSampler = setInterval(() => poolWaiting.push(db.pool.waitingCount), 10);
      return null;
    case 'loadStop': {
      if (!loopDelay || !poolSampler) throw new Error('loadStop without loadStart');
      loopDelay.disable();
      clearInterval(poolSampler);
      poolSampler = null;
      const ms = (ns: number) => Math.round(ns / 1e4) / 100;
      const sorted = [...poolWaiting].sort((a, b) => a - b);
      return {
        eventLoopDelayP50Ms: ms(loopDelay.percentile(50)),
        eventLoopDelayP99Ms: ms(loopDelay.percentile(99)),
        eventLoopDelayMaxMs: ms(loopDelay.max),
        poolWaitingMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
        poolWaitingMax: sorted.at(-1) ?? 0,
        poolBusyShare:
          Math.round(
            (poolWaiting.filter((n) => n > 0).length / Math.max(1, poolWaiting.length)) * 100,
          ) / 100,
      } satisfies ServerLoad;
    }
    case 'modelStream': {
      // The model client alone (ChatModel.stream as `generate` calls it, no graph): when its
      // first token reached this process's code, per call, in order.
      const firstTokens: number[] = [];
      const model = services.models.chat.model('primary');
      for (let i = 0; i < request.runs; i++) {
        let first: number | undefined;
        const stream = model.stream(
          {
            messages: [{ role: 'user', content: `question ${i}` }],
            question: `question ${i}`,
            context: [],
          },
          { structured: ANSWER_OUTPUT },
        );
        for await (const event of stream) {
          if (event.type === 'token') first ??= performance.timeOrigin + performance.now();
        }
        if (first === undefined) throw new Error('the model streamed no token');
        firstTokens.push(first);
      }
      return firstTokens;
    }
    case 'bare':
      return runLoop(request.runs, request.concurrency, async (i) => {
        await bare.invoke(
          { note: `bare ${request.tag} ${i}` },
          { configurable: { thread_id: `bare-${request.tag}-${i}` } },
        );
      });
    case 'agentic':
      return runLoop(request.runs, request.concurrency, async (i) => {
        let answered = false;
        const chunks = streamAgenticRag(agentic, {
          threadId: `agentic-${request.tag}-${i}`,
          input: {
            workspaceId: request.workspaceId,
            collectionId: request.collectionId,
            question: request.questions[i]!,
          },
        });
        for await (const chunk of chunks) {
          if (chunk.kind === 'update' && chunk.update['answer']) answered = true;
        }
        if (!answered) throw new Error('the agentic graph ended without an answer');
      });
    case 'stop':
      await server.stop();
      await db.close();
      setTimeout(() => process.exit(0), 10);
      return null;
  }
}

process.on('message', (message: ChildRequest) => {
  handle(message).then(
    (result) => process.send!({ id: message.id, ok: true, result } satisfies ChildReply),
    (error: unknown) =>
      process.send!({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ChildReply),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, url: server.url } satisfies ChildReply);
