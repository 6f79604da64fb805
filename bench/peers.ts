// `npm run bench -- peers`: Ballast beside its peers in one run, so every figure is a ratio
// taken in one window of this shared machine.
//  1. the GraphQL layer: `POST /graphql {"query":"{ __typename }"}`, 50 connections
//     (autocannon), Ballast vs a bare Apollo Server 5 + express 5 with a one-field schema
//     (`_peers-apollo.ts`, its own process), 10 s windows in turns; req/s and p50/p99;
//  2. runs: Ballast's full agentic-RAG run with a zero-latency fake model (the runs bench's
//     loop) vs the LangGraph JS dev server (`langgraphjs dev` of @langchain/langgraph-cli)
//     running a trivial 5-node graph (bench/peer-graph/), thread + run with wait; runs/s and
//     latency at concurrency 1 and 10, batches in turns.
// Ballast runs as the runs bench starts it (a child process, a fresh database on the local
// PostgreSQL, open auth on 127.0.0.1, the fake model in this process) plus `src/telemetry.ts`
// loaded first, as `npm start` does: tracing as shipped (spans kept in the in-memory store).
// Every child is stopped by its pid; every wait has a deadline.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createFakeLlmServer } from '../test/fake-llm/server.js';
import { questionMaker, seedHandbook, startServerChild, type ServerChild } from './_runs-client.js';
import { measureGraphQLLayer, startBareApollo, type BareApollo } from './_peers-graphql.js';
import { startLangGraphDev, type LangGraphDevServer } from './_peers-langgraph.js';
import { withDeadline } from './_peers-process.js';
import { measureRunsPeers } from './_peers-runs.js';
import { freshDatabase, round } from './_support.js';

/** The versions package.json pins (exact, see scripts/check-dependencies.mjs). */
function pinned(names: string[]): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  return Object.fromEntries(
    names.map((n) => [n, pkg.dependencies[n] ?? pkg.devDependencies[n] ?? 'not pinned']),
  );
}

export default async function benchPeers() {
  const started = performance.now();
  const loadAverage: Record<string, number> = {};
  const log = (part: string) => {
    loadAverage[part] = round(os.loadavg()[0]!);
    console.log(`bench peers: ${part} (${round((performance.now() - started) / 1000, 1)} s)`);
  };
  const versions = pinned([
    '@apollo/server',
    '@as-integrations/express5',
    'express',
    '@langchain/langgraph',
    '@langchain/langgraph-cli',
    'autocannon',
  ]);
  const fake = await createFakeLlmServer();
  const bench = await freshDatabase('POSTGRES');
  let ballast: ServerChild | undefined;
  let bare: BareApollo | undefined;
  let peer: LangGraphDevServer | undefined;
  try {
    log('start Ballast');
    ballast = await withDeadline(
      'Ballast start',
      120_000,
      startServerChild(bench.url!, fake.url, 'worker', { telemetry: true }),
    );
    const seeded = await withDeadline('seeding', 120_000, seedHandbook(ballast.url, bench.db.pool));

    log('graphql');
    bare = await startBareApollo();
    const graphql = await measureGraphQLLayer(ballast.url, bare.url, {
      connections: 50,
      seconds: 10,
      rounds: 3,
      warmupSeconds: 3,
    });
    await bare.stop();
    bare = undefined;

    log('runs');
    let runs: Awaited<ReturnType<typeof measureRunsPeers>> | { error: string };
    try {
      peer = await startLangGraphDev();
      runs = await measureRunsPeers(ballast, fake, seeded, questionMaker(20261207), peer.url, {
        warmupRuns: 10,
        batchDeadlineMs: 300_000,
        levels: [
          { concurrency: 1, runsPerBatch: 15, rounds: 3 },
          { concurrency: 10, runsPerBatch: 150, rounds: 3 },
        ],
      });
    } catch (error) {
      // Part 1 stands on its own: say why part 2 has no figures.
      runs = { error: error instanceof Error ? error.message : String(error) };
      console.error(`bench peers: runs part failed: ${runs.error}`);
    }
    log('done');
    return {
      database: 'POSTGRES',
      ballast: 'bench/_runs-server.ts child (startTestServer, open auth) + src/telemetry.ts',
      versions,
      seconds: round((performance.now() - started) / 1000, 1),
      loadAverage,
      graphql,
      runs,
    };
  } finally {
    await peer?.stop();
    await bare?.stop();
    await ballast?.stop();
    await fake.close();
    await bench.dispose();
  }
}
