// `npm run bench -- runs`: runs over GraphQL, on a fresh database of the local PostgreSQL.
// A Ballast server (`startTestServer`) runs alone in a child process; the fake OpenAI server
// (the model) and every client run in this process, so the model's first token and the
// client's first TokenDelta are read from one clock, and the child's RSS is the server's own.
//  1. first token: TokenDelta received by an `askStream` client − first answer token written
//     by the fake, sequential runs, paced (a 100 tokens/s model) and burst (no delay);
//  2. runs/s with a zero-latency model: `ask` → `RunCompleted` end to end, next to the
//     agentic-RAG graph streamed directly and a bare 7-node LangGraph `invoke`, both on the
//     server's checkpointer in its process; sequential and at concurrency 10; SQL per run;
//  3. resident memory: idle vs 1,000 WebSocket subscriptions on 10 slowly streaming runs;
//     and the SQL cost of subscriptions that read the log (queued runs; a run executing in a
//     second server process).
import os from 'node:os';
import type pg from 'pg';
import { createFakeLlmServer } from '../test/fake-llm/server.js';
import {
  postGraphQL,
  questionMaker,
  seedHandbook,
  startServerChild,
  type ServerChild,
} from './_runs-client.js';
import { measureLogReaders } from './_runs-fanout.js';
import { measureFirstToken } from './_runs-first-token.js';
import { measureMemory } from './_runs-memory.js';
import { measureThroughput } from './_runs-throughput.js';
import { freshDatabase, median, round } from './_support.js';

/** Round trips that say how fast this machine is right now: no Ballast logic in them. */
async function calibrate(url: string, pool: pg.Pool) {
  const time = async (work: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const started = performance.now();
      await work();
      if (i >= 10) samples.push(performance.now() - started);
    }
    return round(median(samples), 3);
  };
  return {
    /** `SELECT 1` from this process's pool. */
    selectOneMs: await time(() => pool.query('SELECT 1')),
    /** `{ __typename }` over HTTP to the server (Apollo, auth, rate-limit check). */
    trivialQueryMs: await time(() => postGraphQL(url, '{ __typename }')),
  };
}

/** Runs the three measurements in one process tree; see the header comment. */
export default async function benchRuns() {
  const started = performance.now();
  const fake = await createFakeLlmServer();
  const bench = await freshDatabase('POSTGRES');
  let child: ServerChild | undefined;
  try {
    child = await startServerChild(bench.url!, fake.url);
    const seeded = await seedHandbook(child.url, bench.db.pool);
    const nextQuestion = questionMaker(20261128);
    // The 1-minute load average as each part starts: this machine is shared, and a figure
    // taken at load 5 on 2 cores is not one taken at load 0.5.
    const loadAverage: Record<string, number> = {};
    const log = (part: string) => {
      loadAverage[part] = round(os.loadavg()[0]!);
      console.log(`bench runs: ${part} (${round((performance.now() - started) / 1000, 1)} s)`);
    };
    log('calibration');
    const calibration = await calibrate(child.url, bench.db.pool);

    log('memory');
    // First, on a server that has only been warmed up: its idle RSS is not inflated by the
    // heap the other parts grow.
    await measureFirstToken(child, fake, seeded, nextQuestion, {
      runs: 10,
      warmup: 0,
      tokenDelayMs: 0,
      answerWords: 12,
    });
    const memory = await measureMemory(child, fake, bench.db.pool, seeded, nextQuestion, {
      subscriptions: 1000,
      runs: 10,
      tokenDelayMs: 200,
      connectBatch: 100,
      perSocket: 100,
    });

    log('logReaders');
    const logReaders = await measureLogReaders(
      child,
      bench.url!,
      fake,
      bench.db.pool,
      seeded,
      nextQuestion,
      { subscriptions: 200, tokenDelayMs: 200, windowMs: 3000 },
    );

    log('firstTokenPaced');
    const paced = await measureFirstToken(child, fake, seeded, nextQuestion, {
      runs: 50,
      warmup: 5,
      tokenDelayMs: 10,
      answerWords: 30,
    });
    log('firstTokenBurst');
    const burst = await measureFirstToken(child, fake, seeded, nextQuestion, {
      runs: 50,
      warmup: 5,
      tokenDelayMs: 0,
      answerWords: 30,
    });

    log('throughput');
    const throughput = await measureThroughput(child, fake, bench.db.pool, seeded, nextQuestion, {
      sequentialRuns: 60,
      concurrentRuns: 200,
      concurrency: 10,
      warmup: 10,
      idleMs: 3000,
    });
    log('done');
    return {
      database: 'POSTGRES',
      seconds: round((performance.now() - started) / 1000, 1),
      loadAverage,
      calibration,
      firstToken: { paced, burst },
      throughput,
      memory,
      logReaders,
    };
  } finally {
    await child?.stop();
    await fake.close();
    await bench.dispose();
  }
}
