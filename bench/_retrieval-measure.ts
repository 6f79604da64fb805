// Measurement helpers of the retrieval bench: exact ground truth, recall@k and single-client
// throughput of one nearest-neighbour SQL shape over a fixed query set.
import type pg from 'pg';
import { median, percentile, round } from './_support.js';

/** One nearest-neighbour query: SQL text and its parameters, given the query vector literal. */
export interface KnnShape {
  /** Label in the results. */
  label: string;
  /** SQL returning the ids of the k nearest chunks, best first. */
  sql: string;
  /** Parameters, given the vector literal of the query. */
  params(vector: string): unknown[];
  /** Send as a named (prepared) statement: parsed once per connection. */
  prepared?: string;
  /** Statements run on the client before measuring (session settings). */
  setup?: string[];
}

/** Recall and speed of one shape at one setting. */
export interface KnnResult {
  label: string;
  recallAt10: number;
  /** Mean recall@10 per query kind (document-specific vs topic-wide queries). */
  recallByKind: Record<string, number>;
  /** Share of queries with recall@10 below 0.8, to show the tail. */
  queriesBelow08: number;
  /** Queries per second from one client: the fastest pass. */
  qps: number;
  qpsPerPass: number[];
  /** Per-query latency of the fastest pass. */
  medianMs: number;
  p90Ms: number;
}

/** Per query: |approx ∩ exact| / |exact|. */
export function recall(approx: readonly string[][], exact: readonly string[][]): number[] {
  return exact.map((truth, i) => {
    const got = new Set(approx[i]);
    return truth.filter((id) => got.has(id)).length / truth.length;
  });
}

/**
 * Runs `shape` over every vector from one client: a warm-up pass over the first `warmup`
 * queries (not timed), then every query once, timed one by one.
 * @returns the ids (and `distance` column, when the SQL returns one) per query, and timings.
 */
export async function runShape(
  client: pg.PoolClient,
  shape: KnnShape,
  vectors: readonly string[],
  warmup: number,
): Promise<{ ids: string[][]; distances: number[][]; ms: number[]; seconds: number }> {
  for (const statement of shape.setup ?? []) await client.query(statement);
  const run = (vector: string) =>
    client.query<{ id: string; distance?: number }>({
      text: shape.sql,
      values: shape.params(vector),
      ...(shape.prepared ? { name: shape.prepared } : {}),
    });
  for (const vector of vectors.slice(0, warmup)) await run(vector);
  const ids: string[][] = [];
  const distances: number[][] = [];
  const ms: number[] = [];
  const started = performance.now();
  for (const vector of vectors) {
    const t = performance.now();
    const result = await run(vector);
    ms.push(performance.now() - t);
    ids.push(result.rows.map((row) => row.id));
    distances.push(result.rows.map((row) => Number(row.distance)));
  }
  return { ids, distances, ms, seconds: (performance.now() - started) / 1000 };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/** The query set: vector literals, exact top-10 ids and each query's kind. */
export interface QuerySet {
  vectors: readonly string[];
  exact: readonly string[][];
  kinds: readonly string[];
}

/**
 * {@link runShape} scored against the exact answers of `queries`, timed over `passes` passes:
 * other work on a small shared machine only ever slows a pass down, so the fastest pass is
 * the best estimate of the query's own cost (as ann-benchmarks does); every pass is reported.
 * Recall comes from the first pass (HNSW answers are deterministic for a fixed graph).
 */
export async function measureShape(
  client: pg.PoolClient,
  shape: KnnShape,
  queries: QuerySet,
  warmup: number,
  passes = 3,
): Promise<KnnResult> {
  const vectors = queries.vectors;
  const runs = [await runShape(client, shape, vectors, warmup)];
  for (let p = 1; p < passes; p++) runs.push(await runShape(client, shape, vectors, 0));
  const recalls = recall(runs[0]!.ids, queries.exact);
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const recallByKind: Record<string, number> = {};
  for (const kind of new Set(queries.kinds)) {
    recallByKind[kind] = round(mean(recalls.filter((_, i) => queries.kinds[i] === kind)), 4);
  }
  const result: KnnResult = {
    label: shape.label,
    recallAt10: round(mean(recalls), 4),
    recallByKind,
    queriesBelow08: round(recalls.filter((r) => r < 0.8).length / recalls.length, 3),
    qps: round(vectors.length / best.seconds, 1),
    qpsPerPass: runs.map((r) => round(vectors.length / r.seconds, 0)),
    medianMs: round(median(best.ms), 3),
    p90Ms: round(percentile(best.ms, 90), 3),
  };
  console.log(
    `  ${result.label.padEnd(44)} recall@10 ${result.recallAt10.toFixed(3)} ` +
      `(${Object.entries(recallByKind)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(
          ', ',
        )})  ${result.qps.toFixed(0).padStart(4)} QPS [${result.qpsPerPass.join(', ')}]  ` +
      `median ${result.medianMs.toFixed(2)} ms  p90 ${result.p90Ms.toFixed(2)} ms`,
  );
  return result;
}
