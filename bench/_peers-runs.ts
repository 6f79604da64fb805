// Part 2 of `bench/peers.ts`: runs per second, Ballast's full agentic-RAG run (`ask` →
// `RunCompleted` over graphql-ws, zero-latency fake model; `_runs-throughput.ts`'s loop) next
// to the LangGraph JS dev server running a trivial 5-node graph (thread + run, wait for its
// output), in turns A, B, A, B… at each concurrency.
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import {
  answerOf,
  summarise,
  universalReply,
  type SeededCollection,
  type ServerChild,
} from './_runs-client.js';
import type { LoopResult } from './_runs-protocol.js';
import { ballastLoop } from './_runs-throughput.js';
import { PEER_NODE_COUNT, peerLoop } from './_peers-langgraph.js';
import { withDeadline } from './_peers-process.js';
import { median, round } from './_support.js';

/** One concurrency level: runs per batch and batches per side. */
export interface RunsLevel {
  concurrency: number;
  runsPerBatch: number;
  rounds: number;
}

/** Options of {@link measureRunsPeers}. */
export interface RunsPeersOptions {
  levels: RunsLevel[];
  /** Unreported runs on each side first, at concurrency 1. */
  warmupRuns: number;
  /** Deadline of one batch. */
  batchDeadlineMs: number;
}

const rate = (loop: LoopResult) => (loop.latenciesMs.length / loop.wallMs) * 1000;

/** Runs/s and latency of Ballast and the peer, in turns, per concurrency level. */
export async function measureRunsPeers(
  ballast: ServerChild,
  fake: FakeLlmServer,
  seeded: SeededCollection,
  nextQuestion: () => string,
  peerUrl: string,
  options: RunsPeersOptions,
) {
  // Every run: grade and answer from one zero-latency reply citing every chunk (the runs
  // bench's throughput workload).
  fake.script('primary', universalReply(answerOf(12), seeded.chunkIds));
  const batch = <T>(what: string, work: Promise<T>) =>
    withDeadline(what, options.batchDeadlineMs, work);
  await batch('Ballast warm-up', ballastLoop(ballast, seeded, nextQuestion, options.warmupRuns, 1));
  await batch('peer warm-up', peerLoop(peerUrl, options.warmupRuns, 1, 'warm'));

  const levels = [];
  for (const { concurrency, runsPerBatch, rounds } of options.levels) {
    const ours: LoopResult[] = [];
    const theirs: LoopResult[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(
        await batch(
          `Ballast c=${concurrency}`,
          ballastLoop(ballast, seeded, nextQuestion, runsPerBatch, concurrency),
        ),
      );
      theirs.push(
        await batch(
          `peer c=${concurrency}`,
          peerLoop(peerUrl, runsPerBatch, concurrency, `c${concurrency}r${r}`),
        ),
      );
    }
    const side = (loops: LoopResult[]) => ({
      runsPerSecond: round(median(loops.map(rate))),
      runsPerSecondPerBatch: loops.map((l) => round(rate(l))),
      /** Every run of every batch, pooled. */
      latencyMs: summarise(loops.flatMap((l) => l.latenciesMs)),
    });
    const b = side(ours);
    const p = side(theirs);
    levels.push({
      concurrency,
      runsPerBatch,
      rounds,
      ballast: b,
      langGraphDev: p,
      /** Ballast's median runs/s over the peer's. */
      ratioBallastToPeer: round(b.runsPerSecond / p.runsPerSecond),
      ratioPerRound: ours.map((l, i) => round(rate(l) / rate(theirs[i]!))),
      /** The peer's p50 run latency over Ballast's. */
      latencyP50RatioPeerToBallast: round(
        median(theirs.flatMap((l) => l.latenciesMs)) / median(ours.flatMap((l) => l.latenciesMs)),
      ),
    });
  }
  return {
    ballastRun:
      'full agentic-RAG run: ask over HTTP → durable queue → graph (redact, cache, retrieve, grade, generate, validate, respond; two model calls) → event log → runEvents over graphql-ws until RunCompleted',
    peerRun: `POST /threads, then POST /threads/{id}/runs/wait: ${PEER_NODE_COUNT} counting nodes, no model`,
    order: 'Ballast, peer, Ballast, peer, … per concurrency',
    levels,
    /** Target: Ballast ≥ 4× the peer's runs/s at concurrency 10. */
    target: { concurrency: 10, ratio: 4 },
  };
}
