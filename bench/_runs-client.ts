// The client side of `bench/runs.ts`: starts the server child, talks GraphQL to it over HTTP
// and graphql-ws, seeds a collection, and makes questions the answer cache cannot answer.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import type pg from 'pg';
import WebSocket from 'ws';
import { HANDBOOK_DOCUMENTS, universalReply } from '../test/e2e/support/runs-fixture.js';
import type { FakeBehaviour } from '../test/fake-llm/behaviours.js';
import type { FakeLlmServer } from '../test/fake-llm/server.js';
import type { ChildReply, ChildRequest } from './_runs-protocol.js';
import { median, percentile, round } from './_support.js';

// Kept where the runs tests keep it; the benches import it from here.
export { universalReply };

/** `ChildRequest` without its id, as callers write it. */
type ChildCommand = ChildRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

/** The Ballast server running in a child process. */
export interface ServerChild {
  /** Its `/graphql` URL. */
  url: string;
  /** Sends a command over IPC and resolves with the child's result. */
  call<T>(command: ChildCommand): Promise<T>;
  /** Stops the server and waits for the child to exit (kills it after 15 s). */
  stop(): Promise<void>;
}

/**
 * Forks `bench/_runs-server.ts` (with `--expose-gc`) and waits until it listens. A
 * `subscriber` server executes no runs. With `telemetry`, the child loads
 * `src/telemetry.ts` first, as `npm start` loads its compiled copy (tracing as shipped).
 */
export async function startServerChild(
  databaseUrl: string,
  fakeUrl: string,
  role: 'worker' | 'subscriber' = 'worker',
  { telemetry = false }: { telemetry?: boolean } = {},
): Promise<ServerChild> {
  const entry = fileURLToPath(new URL('./_runs-server.ts', import.meta.url));
  const tracing = telemetry
    ? ['--import', new URL('../src/telemetry.ts', import.meta.url).href]
    : [];
  const child: ChildProcess = fork(entry, [databaseUrl, fakeUrl, role], {
    execArgv: ['--import', 'tsx', ...tracing, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
    child.on('message', (message: ChildReply) => {
      if ('ready' in message) return resolve(message.url);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.result);
      else waiter?.reject(new Error(`server child: ${message.error}`));
    });
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('server child exited'));
    pending.clear();
  });
  return {
    url,
    call<T>(command: ChildCommand) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...command, id } as ChildRequest);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const id = nextId++;
      child.send({ cmd: 'stop', id } satisfies ChildRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The child's `performance.timeOrigin + now()` minus ours, from the IPC round trip with the
 * least time (its half is the uncertainty).
 */
export async function clockOffset(
  child: ServerChild,
): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 20; i++) {
    const before = performance.timeOrigin + performance.now();
    const theirs = await child.call<number>({ cmd: 'clock' });
    const after = performance.timeOrigin + performance.now();
    if ((after - before) / 2 < best.uncertaintyMs) {
      best = { offsetMs: theirs - (before + after) / 2, uncertaintyMs: (after - before) / 2 };
    }
  }
  return { offsetMs: round(best.offsetMs, 3), uncertaintyMs: round(best.uncertaintyMs, 3) };
}

/** A GraphQL result. */
export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs `query` over HTTP POST against `url`; throws on GraphQL errors. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResult<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A graphql-ws client of the server (one WebSocket, opened on first use). */
export function wsClientOf(httpUrl: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
}

/** A seeded collection: its ids and every chunk id, to cite. */
export interface SeededCollection {
  workspaceId: string;
  collectionId: string;
  /** GraphQL id of the collection. */
  collectionGid: string;
  chunkIds: string[];
}

/** Creates a collection through GraphQL, ingests the e2e handbook and waits for the job. */
export async function seedHandbook(url: string, pool: pg.Pool): Promise<SeededCollection> {
  const created = await postGraphQL<{ createCollection: { id: string } }>(
    url,
    'mutation { createCollection(input: { name: "runs-bench" }) { id } }',
  );
  const collectionGid = created.createCollection.id;
  const job = await postGraphQL<{ ingestDocuments: { id: string } }>(
    url,
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
    { input: { collectionId: collectionGid, documents: HANDBOOK_DOCUMENTS } },
  );
  for (;;) {
    const state = await postGraphQL<{ ingestJob: { status: string } }>(
      url,
      'query ($id: ID!) { ingestJob(id: $id) { status } }',
      { id: job.ingestDocuments.id },
    );
    if (state.ingestJob.status === 'SUCCEEDED') break;
    if (state.ingestJob.status === 'FAILED') throw new Error('seeding failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const rows = await pool.query<{ id: string; workspace_id: string; collection_id: string }>(
    `SELECT c.id, k.workspace_id, c.collection_id
     FROM chunks c JOIN collections k ON k.id = c.collection_id ORDER BY c.ordinal`,
  );
  const first = rows.rows[0];
  if (!first) throw new Error('the seeded collection has no chunks');
  return {
    workspaceId: first.workspace_id,
    collectionId: first.collection_id,
    collectionGid,
    chunkIds: rows.rows.map((r) => r.id),
  };
}

/**
 * Scripts the fake for the next run: `grade` answered at once, then the answer request with
 * `answerBehaviour` (which also applies to every later request until re-scripted). Only for
 * runs started one after another: concurrent runs would take each other's entries.
 */
export function scriptNextRun(
  fake: FakeLlmServer,
  answer: string,
  chunkIds: readonly string[],
  answerBehaviour: FakeBehaviour,
): void {
  fake.script('primary', [
    universalReply('Graded.', chunkIds),
    universalReply(answer, chunkIds, answerBehaviour),
  ]);
}

/** `count` words of answer text. */
export function answerOf(count: number): string {
  const words = 'annual leave is twenty five days per year and parental leave is sixteen weeks'
    .split(' ')
    .filter(Boolean);
  return Array.from({ length: count }, (_, i) => words[i % words.length]!).join(' ') + '.';
}

/**
 * Distinct questions made of random letter words: far below the semantic cache's 0.92
 * similarity with each other (the local embedder hashes words and character n-grams), so
 * every run misses the answer cache and streams tokens.
 */
export function questionMaker(seed: number): () => string {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const word = () =>
    Array.from({ length: 6 + Math.floor(random() * 4) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  return () => `What does the handbook say about ${word()} ${word()} and ${word()} ${word()}?`;
}

/** Median, p90 and p99 of `values` (ms), rounded. */
export function summarise(values: readonly number[]) {
  if (values.length === 0) return { n: 0 };
  return {
    n: values.length,
    median: round(median(values)),
    p90: round(percentile(values, 90)),
    p99: round(percentile(values, 99)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  };
}
