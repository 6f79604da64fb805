// Shared by benches: fresh databases on the local PostgreSQL or in PGlite, and statistics.
import { randomBytes } from 'node:crypto';
import {
  END,
  START,
  StateGraph,
  StateSchema,
  type BaseCheckpointSaver,
} from '@langchain/langgraph';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from '../src/db/database.js';
import { openEmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { openPostgresDatabase } from '../src/db/postgres.js';
import { silentLogger } from '../src/logger.js';

/** The PostgreSQL benches run against. Default: the local server, trust auth. */
export const BENCH_POSTGRES_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A migrated database made for one bench, dropped by `dispose`. */
export interface BenchDatabase {
  db: Database;
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A fresh, migrated database: PostgreSQL (a new database on the local server) or in-memory PGlite. */
export async function freshDatabase(mode: Database['mode']): Promise<BenchDatabase> {
  if (mode === 'EMBEDDED') {
    const db = await openEmbeddedDatabase({ dataDir: 'memory://', logger: silentLogger });
    await migrate(db.pool);
    return { db, url: undefined, dispose: () => db.close() };
  }
  const name = `ballast_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase({ url: url.toString(), max: 10, logger: silentLogger });
  await migrate(db.pool);
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A bootstrap interval of `statistic` over `groups` of samples that share a cause (the rounds
 * of one server process): groups are drawn with replacement, `resamples` times, and the
 * statistic taken over each draw's pooled samples. Seeded, so a result file can be recomputed.
 * @param level Default: 0.9 (the 5th and 95th percentiles).
 * @param resamples Default: 2000.
 * @returns `[low, high]`.
 */
export function bootstrapInterval(
  groups: readonly (readonly number[])[],
  statistic: (samples: readonly number[]) => number,
  {
    level = 0.9,
    resamples = 2000,
    seed = 1,
  }: { level?: number; resamples?: number; seed?: number } = {},
): [number, number] {
  // A small linear congruential generator: repeatable, and plenty for drawing indexes.
  let state = seed >>> 0;
  const draw = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const pooled: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      pooled.push(...groups[Math.floor(draw() * groups.length)]!);
    }
    values.push(statistic(pooled));
  }
  const tail = ((1 - level) / 2) * 100;
  return [percentile(values, tail), percentile(values, 100 - tail)];
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Rounds to `digits` decimals, for readable JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Seven nodes in a line named after the agentic graph's happy path, each only counting:
 * LangGraph and `checkpointer` alone, the baseline the graph benches compare against.
 */
export function bareSevenNodeGraph(checkpointer: BaseCheckpointSaver) {
  const state = new StateSchema({ note: z.string(), step: z.number().default(0) });
  const step = (s: typeof state.State) => ({ step: s.step + 1 });
  return new StateGraph(state)
    .addNode('redact', step)
    .addNode('cache', step)
    .addNode('retrieve', step)
    .addNode('grade', step)
    .addNode('generate', step)
    .addNode('validate', step)
    .addNode('respond', step)
    .addEdge(START, 'redact')
    .addEdge('redact', 'cache')
    .addEdge('cache', 'retrieve')
    .addEdge('retrieve', 'grade')
    .addEdge('grade', 'generate')
    .addEdge('generate', 'validate')
    .addEdge('validate', 'respond')
    .addEdge('respond', END)
    .compile({ checkpointer });
}
