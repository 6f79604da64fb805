// `npm run bench -- telemetry`: what tracing costs in runs per second. Four Ballast servers run
// side by side, each alone in a child process started exactly as in production:
//   off     — `node --import tsx` (no OpenTelemetry at all);
//   store   — `node --import tsx --import ./src/telemetry.ts` (the embedded default: every span
//             kept, redacted on read, in the in-memory store; metrics for /metrics);
//   otlp    — the same with OTEL_EXPORTER_OTLP_ENDPOINT set: spans and metrics exported in
//             batches over OTLP/HTTP to a sink in this process (no store);
//   storeNoSql — store with OTEL_NODE_DISABLED_INSTRUMENTATIONS=pg: no span per SQL statement
//             (what SQL spans cost is store's figure minus this one's).
// This process is the client and the fake model (zero latency, so the server's own work is all
// there is): `ask` over HTTP, then `runEvents` over graphql-ws until `RunCompleted`, a fixed
// number in flight. The workload is the runs bench's: distinct questions that miss the answer
// cache, every run on the graph's happy path (grade, one grounded answer: two model calls,
// checked). Each server gets a copy of the same seeded database. The machine is shared,
// so the servers take turns in short batches, in rotating order, many times: each comparison is
// between batches seconds apart, after a warm-up. And each process has its own speed, so this
// is done by several generations of fresh servers, pooled, each started (and warmed) in another
// order. Reported: runs/s (median over batches, and the median of the per-round ratio to `off`,
// with a bootstrap interval over generations), and CPU time per run (each mode's over the
// measured rounds, and the median of the per-round ratio to `off`, each batch's CPU including
// the export of its spans), pooled and per generation. Then each generation's servers are
// profiled over a batch each and their self time summed by part of the code
// (`_cpu-profile.ts`): what tracing's cost is made of, measured inside each process. Both
// database modes: embedded PGlite and the local PostgreSQL (BENCH_DATABASE_URL).
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'graphql-ws';
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import pg from 'pg';
import { answerOf, questionMaker, universalReply } from './_runs-client.js';
import { cpuProfiler, TELEMETRY_PARTS } from './_cpu-profile.js';
import { BENCH_POSTGRES_URL, bootstrapInterval, median, round as roundTo } from './_support.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const MODES = ['off', 'store', 'otlp', 'storeNoSql'] as const;
type Mode = (typeof MODES)[number];
const TRACED = ['store', 'otlp', 'storeNoSql'] as const;
type TracedMode = (typeof TRACED)[number];
// Extra environment of each traced mode's server (the OTLP endpoint is added where it is known).
const MODE_ENV: Record<TracedMode, Record<string, string>> = {
  store: {},
  otlp: {},
  storeNoSql: { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pg' },
};
type DbMode = 'EMBEDDED' | 'POSTGRES';
// Fresh sets of servers (one process per mode) measured one after another. Each process has
// its own speed (one generation's overhead was 3.8 %, the next one's 20.3 %): more generations
// with fewer rounds each say more than the reverse. Four: each mode starts in each place once.
const GENERATIONS = 4;
/** Rounds per generation. */
const ROUNDS = 4;
// A server's first runs cost twice its later ones (JIT, heap sizing), and a traced server has
// more code to warm: measured then, tracing looks twice as costly. Warmed by turns, a server
// levels off after about 100 runs.
const WARMUP_RUNS = 150;
const BATCH_RUNS = 50;
// Runs profiled per server, each alone, after its generation's rounds (see `_cpu-profile.ts`).
const PROFILED_RUNS = 100;
const CONCURRENCY = 8;
const TARGET_PCT = 5;

// Every run takes the happy path of the runs bench: distinct questions (no cache hit), one
// reply that is both a grade (every chunk relevant) and a grounded answer citing every chunk,
// so each run makes exactly two model calls (grade, answer) and streams its answer.
const ANSWER = answerOf(24);

const DOCUMENTS = [
  {
    title: 'Leave policy',
    chunks: [
      'Annual leave is twenty-five days per year. Leave requests need the approval of your manager.',
      'Parental leave is sixteen weeks at full pay. It can start up to four weeks before the birth.',
    ],
  },
  {
    title: 'Security policy',
    chunks: [
      'Passwords rotate every ninety days. Two-factor authentication is mandatory for VPN access.',
    ],
  },
];

/** What the parent tells a child: where its database and model are. */
interface ChildArgs {
  db: { mode: 'EMBEDDED'; dumpFile: string } | { mode: 'POSTGRES'; url: string };
  fakeUrl: string;
}

type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'stats'; cpuMs: number }
  | { type: 'profiling' }
  | { type: 'profile'; busyMs: number; msByPart: Record<string, number> };

// ───────────────────────────── child: one server ─────────────────────────────

async function runChild(args: ChildArgs): Promise<void> {
  const { silentLogger } = await import('../src/logger.js');
  const { parseModelsConfig } = await import('../src/models/config.js');
  const { startTestServer } = await import('../test/support/test-server.js');
  const { activeTelemetry } = await import('../src/telemetry/index.js');
  const db =
    args.db.mode === 'EMBEDDED'
      ? await (
          await import('../src/db/embedded.js')
        ).openEmbeddedDatabase({
          loadDataDir: new Blob([readFileSync(args.db.dumpFile)]),
          logger: silentLogger,
        })
      : await (
          await import('../src/db/postgres.js')
        ).openPostgresDatabase({ url: args.db.url, max: 10, logger: silentLogger });
  const parsed = parseModelsConfig(
    {
      chat: [{ id: 'primary', baseURL: args.fakeUrl, model: 'primary', maxRetries: 0 }],
      embedding: { id: 'emb', provider: 'local' },
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  // Open auth: every client is the same caller, so the per-caller limits are raised out of the
  // way, as in the runs bench (each operation still pays for its rate-limit check).
  const server = await startTestServer({
    db,
    models: parsed.config,
    rateLimits: {
      requestsPerMinute: 10_000_000,
      tokensPerDayPerCaller: 1_000_000_000,
      tokensPerDayPerWorkspace: 1_000_000_000,
    },
    ...(args.db.mode === 'POSTGRES' ? { databaseUrl: args.db.url } : {}),
  });
  const profiler = cpuProfiler(TELEMETRY_PARTS);
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'profile-start') {
      await profiler.start();
      process.send!({ type: 'profiling' } satisfies ChildMessage);
      return;
    }
    if (message.type === 'profile-stop') {
      await activeTelemetry()?.forceFlush();
      process.send!({ type: 'profile', ...(await profiler.stop()) } satisfies ChildMessage);
      return;
    }
    if (message.type !== 'stats') return;
    // Spans still waiting in a batch are part of the cost of the runs before.
    await activeTelemetry()?.forceFlush();
    const cpu = process.cpuUsage();
    process.send!({
      type: 'stats',
      cpuMs: (cpu.user + cpu.system) / 1000,
    } satisfies ChildMessage);
  });
  process.on('disconnect', () => {
    void server
      .stop()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
  process.send!({ type: 'ready', url: server.url } satisfies ChildMessage);
}

// ───────────────────────────── parent: the client ─────────────────────────────

/** A seeded, migrated database each child starts a copy of. */
interface Template {
  mode: DbMode;
  collectionId: string;
  /** Every chunk of the seeded collection, cited by the fake's answers. */
  chunkIds: string[];
  /** A fresh copy for one child. */
  copy(): Promise<ChildArgs['db']>;
  dispose(): Promise<void>;
}

async function seed(pool: pg.Pool): Promise<{ collectionId: string; chunkIds: string[] }> {
  const { LocalHashingEmbedder } = await import('../src/models/index.js');
  const { seedCollection } = await import('../test/integration/graphs/support/seed-collection.js');
  const { encodeId } = await import('../src/graphql/ids.js');
  const seeded = await seedCollection(pool, new LocalHashingEmbedder(), 'bench', DOCUMENTS);
  return {
    collectionId: encodeId('Collection', seeded.collectionId),
    chunkIds: seeded.documents.flatMap((document) => document.chunkIds),
  };
}

async function prepareSchema(pool: pg.Pool, mode: DbMode): Promise<void> {
  const { migrate } = await import('../src/db/migrate.js');
  const { createJobQueue } = await import('../src/jobs/job-queue.js');
  const { openCheckpointSaver } = await import('../src/checkpoints/index.js');
  const { silentLogger } = await import('../src/logger.js');
  await migrate(pool);
  const queue = createJobQueue({
    db: { pool, mode, close: async () => undefined },
    logger: silentLogger,
  });
  await queue.start();
  await queue.stop();
  await openCheckpointSaver(pool);
}

async function embeddedTemplate(): Promise<Template> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create({ extensions: { vector } });
  const pool = new pg.Pool(createPgConfig(pglite));
  await prepareSchema(pool, 'EMBEDDED');
  const seeded = await seed(pool);
  await pool.end();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'ballast-bench-telemetry-'));
  const dumpFile = path.join(dir, 'template.tar.gz');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return {
    mode: 'EMBEDDED',
    ...seeded,
    copy: async () => ({ mode: 'EMBEDDED', dumpFile }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTemplate(): Promise<Template> {
  const admin = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await admin.connect();
  const prefix = `ballast_bench_tel_${process.pid}`;
  const urlOf = (name: string) => {
    const url = new URL(BENCH_POSTGRES_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  await admin.query(`CREATE DATABASE ${prefix}_t`);
  const pool = new pg.Pool({ connectionString: urlOf(`${prefix}_t`), max: 2 });
  await prepareSchema(pool, 'POSTGRES');
  const seeded = await seed(pool);
  await pool.end();
  const copies: string[] = [];
  return {
    mode: 'POSTGRES',
    ...seeded,
    async copy() {
      const name = `${prefix}_${copies.length}`;
      copies.push(name);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${prefix}_t`);
      return { mode: 'POSTGRES', url: urlOf(name) };
    },
    async dispose() {
      for (const name of [...copies, `${prefix}_t`]) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await admin.end();
    },
  };
}

/** An OTLP/HTTP endpoint that accepts everything and counts the spans it received. */
async function startOtlpSink(): Promise<{ url: string; spans(): number; close(): Promise<void> }> {
  let traceBodies: string[] = [];
  const server: Server = createHttpServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.url?.endsWith('/v1/traces')) traceBodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans() {
      let count = 0;
      for (const body of traceBodies) {
        const parsed = JSON.parse(body) as {
          resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
        };
        for (const resource of parsed.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? []) count += scope.spans?.length ?? 0;
      }
      traceBodies = [];
      return count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function startChild(
  mode: Mode,
  args: ChildArgs,
  sinkUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production' };
  if (mode !== 'off') Object.assign(env, MODE_ENV[mode]);
  if (mode === 'otlp') env['OTEL_EXPORTER_OTLP_ENDPOINT'] = sinkUrl;
  const child = fork(SELF, ['--child', JSON.stringify(args)], {
    cwd: ROOT,
    env,
    execArgv: ['--import', 'tsx', ...(mode === 'off' ? [] : ['--import', './src/telemetry.ts'])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench child (${mode}) exited with ${String(code)}`);
    }),
  ])) as [ChildMessage];
  if (message.type !== 'ready') throw new Error('unexpected message from the bench child');
  return { child, url: message.url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.disconnect();
  await exited;
}

async function post<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const RUN_EVENTS = `subscription ($id: ID!) {
  runEvents(runId: $id) { __typename ... on RunCompleted { answer { cached } } }
}`;

function completion(ws: Client, runId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.subscribe<{ runEvents: { __typename: string; answer?: { cached: boolean } } }>(
      { query: RUN_EVENTS, variables: { id: runId } },
      {
        next: ({ data, errors }) => {
          if (errors) reject(new Error(JSON.stringify(errors)));
          const type = data?.runEvents.__typename;
          if (type === 'RunFailed' || type === 'RunCancelled') reject(new Error(`run ${type}`));
          if (data?.runEvents.answer?.cached) reject(new Error('answered from the cache'));
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(),
      },
    );
  });
}

/**
 * Runs `runs` runs end to end, `concurrency` at a time, each asking `nextQuestion()`; resolves
 * with the elapsed ms.
 */
async function drive(url: string, collectionId: string, runs: number, nextQuestion: () => string) {
  const { wsClient } = await import('../test/support/graphql-ws-client.js');
  const ws = wsClient(url);
  let issued = 0;
  const worker = async () => {
    while (issued < runs) {
      issued++;
      const question = nextQuestion();
      const { ask } = await post<{ ask: { id: string } }>(
        url,
        'mutation ($input: AskInput!) { ask(input: $input) { id } }',
        { input: { collectionId, question } },
      );
      await completion(ws, ask.id);
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await ws.dispose();
  }
  return performance.now() - started;
}

/** Sends `request` to `child` and resolves with its reply, which must be of type `type`. */
async function requestChild<T extends ChildMessage['type']>(
  child: ChildProcess,
  request: string,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  child.send({ type: request });
  const [message] = (await once(child, 'message')) as [ChildMessage];
  if (message.type !== type)
    throw new Error(`the bench child replied ${message.type}, not ${type}`);
  return message as Extract<ChildMessage, { type: T }>;
}

const statsOf = (child: ChildProcess) => requestChild(child, 'stats', 'stats');

/** CPU ms per run of `server` by part of the code, over {@link PROFILED_RUNS} runs. */
async function profileServer(
  server: { child: ChildProcess; url: string; ask: () => string },
  collectionId: string,
): Promise<{ busyMsPerRun: number; msPerRunByPart: Record<string, number> }> {
  await requestChild(server.child, 'profile-start', 'profiling');
  await drive(server.url, collectionId, PROFILED_RUNS, server.ask);
  const { busyMs, msByPart } = await requestChild(server.child, 'profile-stop', 'profile');
  const perRun = (ms: number) => roundTo(ms / PROFILED_RUNS, 2);
  return {
    busyMsPerRun: perRun(busyMs),
    msPerRunByPart: Object.fromEntries(
      Object.entries(msByPart).map(([part, ms]) => [part, perRun(ms)]),
    ),
  };
}

/**
 * One batch of {@link BATCH_RUNS} runs on `server`: its elapsed ms, and the CPU ms the server
 * spent on it, the export of its spans included (stats flushes them first).
 */
async function runBatch(
  server: { child: ChildProcess; url: string; ask: () => string },
  collectionId: string,
): Promise<{ elapsed: number; cpuMs: number }> {
  const before = await statsOf(server.child);
  const elapsed = await drive(server.url, collectionId, BATCH_RUNS, server.ask);
  return { elapsed, cpuMs: (await statsOf(server.child)).cpuMs - before.cpuMs };
}

/** What one generation of servers (one fresh process per mode) measured. */
interface Generation {
  batches: Record<Mode, number[]>;
  ratios: Record<Mode, number[]>;
  cpuRatios: Record<Mode, number[]>;
  /** CPU ms over the measured rounds (after warm-up). */
  cpuMs: Record<Mode, number>;
  warmup: Record<Mode, number[]>;
  chatCalls: number;
  exportedSpans: number;
  /** The order the servers were started and warmed in. */
  order: Mode[];
  /** Where each server's CPU time went, by part. */
  profile: Record<Mode, Awaited<ReturnType<typeof profileServer>>>;
}

const perMode = <T>(make: () => T): Record<Mode, T> =>
  Object.fromEntries(MODES.map((mode) => [mode, make()])) as Record<Mode, T>;

/** `figure(mode)` for each traced mode. */
const perTraced = <T>(figure: (mode: TracedMode) => T): Record<TracedMode, T> =>
  Object.fromEntries(TRACED.map((mode) => [mode, figure(mode)])) as Record<TracedMode, T>;

/** Starts one server per mode on fresh copies of the database, warms them, runs the rounds. */
async function measureGeneration(
  template: Template,
  fake: FakeLlmServer,
  sink: Awaited<ReturnType<typeof startOtlpSink>>,
  generation: number,
): Promise<Generation> {
  const servers = [] as { mode: Mode; child: ChildProcess; url: string; ask: () => string }[];
  // Each generation starts the modes in another order (and a server's questions follow its
  // place, not its mode): no mode is always the first or the last process started.
  const order = MODES.map((_, i) => MODES[(i + generation) % MODES.length]!);
  try {
    for (const mode of order) {
      const started = await startChild(
        mode,
        { db: await template.copy(), fakeUrl: fake.url },
        sink.url,
      );
      const seed = generation * MODES.length + servers.length + 1;
      servers.push({ mode, ...started, ask: questionMaker(seed) });
    }
    // CPU per run of each warm-up batch, per server: shows where it levels off. The servers
    // warm up by turns, batch by batch, as they are measured.
    const warmup = perMode<number[]>(() => []);
    for (let done = 0; done < WARMUP_RUNS; done += BATCH_RUNS) {
      for (const server of servers) {
        const { cpuMs } = await runBatch(server, template.collectionId);
        warmup[server.mode].push(roundTo(cpuMs / BATCH_RUNS, 1));
      }
    }
    await Promise.all(servers.map((server) => statsOf(server.child)));
    sink.spans();
    const chatCalls = () =>
      fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const callsBefore = chatCalls();
    const batches = perMode<number[]>(() => []);
    const ratios = perMode<number[]>(() => []);
    const cpuRatios = perMode<number[]>(() => []);
    const cpuMs = perMode(() => 0);
    for (let r = 0; r < ROUNDS; r++) {
      const round: Partial<Record<Mode, number>> = {};
      const cpu: Partial<Record<Mode, number>> = {};
      for (let i = 0; i < servers.length; i++) {
        const server = servers[(i + r) % servers.length]!;
        const { elapsed, cpuMs: batchCpuMs } = await runBatch(server, template.collectionId);
        cpu[server.mode] = batchCpuMs;
        cpuMs[server.mode] += cpu[server.mode]!;
        round[server.mode] = (BATCH_RUNS * 1000) / elapsed;
        batches[server.mode].push(round[server.mode]!);
      }
      for (const mode of MODES) {
        ratios[mode].push(round[mode]! / round.off!);
        cpuRatios[mode].push(cpu[mode]! / cpu.off!);
      }
      console.log(
        `bench telemetry: ${template.mode} servers ${generation + 1}/${GENERATIONS} ` +
          `round ${r + 1}/${ROUNDS}: ` +
          MODES.map((mode) => `${mode} ${roundTo(round[mode]!, 1)}`).join(', ') +
          ' runs/s',
      );
    }
    const measured = { chatCalls: chatCalls() - callsBefore, exportedSpans: sink.spans() };
    const profile: Partial<Generation['profile']> = {};
    for (const server of servers) {
      profile[server.mode] = await profileServer(server, template.collectionId);
    }
    return {
      batches,
      ratios,
      cpuRatios,
      cpuMs,
      warmup,
      ...measured,
      order,
      profile: profile as Generation['profile'],
    };
  } finally {
    for (const server of servers) await stopChild(server.child);
  }
}

const overheadOf = (ratios: number[], cpuRatios: number[]) => ({
  runsPerSecondPct: roundTo((1 - median(ratios)) * 100, 1),
  cpuPerRunPct: roundTo((median(cpuRatios) - 1) * 100, 1),
});

/**
 * How far the pooled runs/s overhead could be from the one measured, given how much the
 * generations (processes) differ: a 90 % bootstrap interval over generations, in %.
 */
const overheadInterval = (ratiosByGeneration: number[][]): [number, number] => {
  const [low, high] = bootstrapInterval(ratiosByGeneration, (ratios) => 1 - median(ratios));
  return [roundTo(low * 100, 1), roundTo(high * 100, 1)];
};

/**
 * Several generations of servers, each a fresh process per mode: a process has its own speed
 * (one off server can beat one store server in every round by 15 %, the next pair be level), so
 * the overhead is the median of the paired per-round ratios pooled over all generations.
 */
async function measureDatabase(
  template: Template,
  fake: FakeLlmServer,
  sink: Awaited<ReturnType<typeof startOtlpSink>>,
) {
  fake.reset();
  fake.script('primary', universalReply(ANSWER, template.chunkIds));
  const generations: Generation[] = [];
  for (let g = 0; g < GENERATIONS; g++) {
    generations.push(await measureGeneration(template, fake, sink, g));
  }
  const measured = GENERATIONS * ROUNDS * BATCH_RUNS;
  const chatCalls = generations.reduce((n, g) => n + g.chatCalls, 0);
  const modelCallsPerRun = chatCalls / (measured * MODES.length);
  if (modelCallsPerRun !== 2) {
    throw new Error(`runs left the happy path: ${modelCallsPerRun} model calls per run, not 2`);
  }
  const pooled = (pick: (g: Generation) => number[]) => generations.flatMap(pick);
  const exportedSpans = generations.reduce((n, g) => n + g.exportedSpans, 0);
  const result = (mode: Mode) => ({
    runsPerSecond: roundTo(median(pooled((g) => g.batches[mode])), 1),
    modelCallsPerRun,
    cpuMsPerRun: roundTo(generations.reduce((n, g) => n + g.cpuMs[mode], 0) / measured, 1),
    // Counted where they are exported (the store is bounded: what it holds is no count).
    spansPerRun: mode === 'otlp' ? roundTo(exportedSpans / measured, 1) : null,
    batchesRunsPerSecond: generations.map((g) => g.batches[mode].map((v) => roundTo(v, 1))),
    warmupCpuMsPerRun: generations.map((g) => g.warmup[mode]),
  });
  const overhead = (mode: Mode) =>
    overheadOf(
      pooled((g) => g.ratios[mode]),
      pooled((g) => g.cpuRatios[mode]),
    );
  const overheads = perTraced(overhead);
  return {
    ...(Object.fromEntries(MODES.map((mode) => [mode, result(mode)])) as Record<
      Mode,
      ReturnType<typeof result>
    >),
    overhead: overheads,
    runsPerSecondPctInterval90: perTraced((mode) =>
      overheadInterval(generations.map((g) => g.ratios[mode])),
    ),
    // Each generation's own figure: how far one pair of processes can be from the pooled one.
    overheadByGeneration: generations.map((g) => ({
      startOrder: g.order.join(' → '),
      ...perTraced((mode) => overheadOf(g.ratios[mode], g.cpuRatios[mode])),
    })),
    cpuProfile: cpuProfileSummary(
      generations.map((g) => g.profile),
      exportedSpans / measured,
    ),
    // The shipped configurations: the embedded default and OTLP export.
    metTarget:
      overheads.store.runsPerSecondPct <= TARGET_PCT &&
      overheads.otlp.runsPerSecondPct <= TARGET_PCT,
  };
}

/**
 * Where tracing's CPU goes, from the profiles of every generation's servers (medians over
 * generations: a process's JIT can make one part twice as costly as in the next process):
 * each mode's CPU ms per run by part; tracing's share — within a generation, the sum over the
 * named parts (not "everything else", whose difference between two processes is mostly their
 * own speed) of a traced server's ms per run minus the untraced server's, in ms and in % of the
 * untraced server's busy time; and the span machinery's cost per span (the OTLP server's, spans
 * counted where they are exported).
 */
function cpuProfileSummary(profiles: Generation['profile'][], spansPerRun: number) {
  const spanPart = TELEMETRY_PARTS[0]!.name;
  const msOf = (profile: Generation['profile'], mode: Mode, part: string) =>
    profile[mode].msPerRunByPart[part]!;
  const medianOf = (pick: (profile: Generation['profile']) => number, digits = 2) =>
    roundTo(median(profiles.map(pick)), digits);
  const byMode = (mode: Mode) => ({
    busyMsPerRun: medianOf((p) => p[mode].busyMsPerRun),
    msPerRunByPart: Object.fromEntries(
      Object.keys(profiles[0]![mode].msPerRunByPart).map((part) => [
        part,
        medianOf((p) => msOf(p, mode, part)),
      ]),
    ),
  });
  const tracingMs = (profile: Generation['profile'], mode: Mode) =>
    TELEMETRY_PARTS.reduce(
      (sum, part) => sum + msOf(profile, mode, part.name) - msOf(profile, 'off', part.name),
      0,
    );
  const tracing = (mode: TracedMode) => ({
    msPerRun: medianOf((p) => tracingMs(p, mode)),
    pctOfOffBusy: medianOf((p) => (tracingMs(p, mode) / p.off.busyMsPerRun) * 100, 1),
    pctOfOffBusyByGeneration: profiles.map((p) =>
      roundTo((tracingMs(p, mode) / p.off.busyMsPerRun) * 100, 1),
    ),
  });
  return {
    method:
      `after each generation's rounds, ${PROFILED_RUNS} runs per server, each server alone, V8 ` +
      `CPU profile of the server process (200 µs sampling): self time by part of the code, ms ` +
      `per run, medians over generations`,
    ...(Object.fromEntries(MODES.map((mode) => [mode, byMode(mode)])) as Record<
      Mode,
      ReturnType<typeof byMode>
    >),
    tracing: perTraced(tracing),
    spanMachineryUsPerSpan: medianOf(
      (p) => ((msOf(p, 'otlp', spanPart) - msOf(p, 'off', spanPart)) / spansPerRun) * 1000,
      1,
    ),
  };
}

/** See the header comment. */
export default async function benchTelemetry() {
  const { createFakeLlmServer } = await import('../test/fake-llm/server.js');
  const fake = await createFakeLlmServer();
  const sink = await startOtlpSink();
  const results: Record<string, unknown> = {};
  try {
    for (const make of [embeddedTemplate, postgresTemplate]) {
      const template = await make();
      try {
        results[template.mode] = await measureDatabase(template, fake, sink);
      } finally {
        await template.dispose();
      }
    }
  } finally {
    await sink.close();
    await fake.close();
  }
  return {
    method:
      `ask over HTTP → RunCompleted over graphql-ws, zero-latency fake model (2 calls per run), ` +
      `${CONCURRENCY} runs in flight; ${GENERATIONS} generations of four fresh servers (off, ` +
      `store, otlp, storeNoSql) alive at once, started in a rotating order, ${WARMUP_RUNS} warm-up runs ` +
      `each (by turns), then ${ROUNDS} rounds of ` +
      `${BATCH_RUNS}-run batches in rotating order; overhead = 1 − median per-round runs/s ` +
      `ratio to off, and median per-round ratio of CPU per run to off − 1 (a batch's CPU ` +
      `includes exporting its spans), rounds of all generations pooled; the interval is a 90 % ` +
      `bootstrap over generations (seeded)`,
    targetOverheadPct: TARGET_PCT,
    ...results,
  };
}

if (process.argv[2] === '--child') await runChild(JSON.parse(process.argv[3]!) as ChildArgs);
