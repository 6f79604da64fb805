// Part 1 of `bench/peers.ts`: the GraphQL layer. `POST /graphql {"query":"{ __typename }"}`
// with autocannon (50 connections, fixed duration) against Ballast and a bare Apollo Server 5
// + express 5 (`_peers-apollo.ts`), taking turns A, B, A, B… so each ratio compares windows
// seconds apart on this shared machine.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { postGraphQL } from './_runs-client.js';
import { stopProcess, withDeadline } from './_peers-process.js';
import { median, round } from './_support.js';

const BODY = JSON.stringify({ query: '{ __typename }' });

/** The bare Apollo server child. */
export interface BareApollo {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Forks `_peers-apollo.ts` and waits (at most 60 s) until it listens. */
export async function startBareApollo(): Promise<BareApollo> {
  const entry = fileURLToPath(new URL('./_peers-apollo.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => stopProcess(child);
  try {
    const url = await withDeadline(
      'bare Apollo start',
      60_000,
      new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`bare Apollo exited with ${code}`)));
        child.once('message', (message: { ready?: boolean; url?: string }) => {
          if (message.ready && message.url) resolve(message.url);
          else reject(new Error(`unexpected message ${JSON.stringify(message)}`));
        });
      }),
    );
    return { url, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One autocannon window against `url`. */
export async function trivialQueryLoad(url: string, connections: number, seconds: number) {
  const result = await withDeadline(
    `autocannon ${url}`,
    (seconds + 30) * 1000,
    autocannon({
      url,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
      timeout: 10,
    }),
  );
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return {
    requestsPerSecond: round(result.requests.average),
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}

type Window = Awaited<ReturnType<typeof trivialQueryLoad>>;

/** Options of {@link measureGraphQLLayer}. */
export interface GraphQLLayerOptions {
  connections: number;
  seconds: number;
  /** Windows per server, taken in turns. */
  rounds: number;
  /** A first, unreported window per server (JIT, pools, sockets). */
  warmupSeconds: number;
}

/** req/s and latency of `{ __typename }`, Ballast and bare Apollo in turns; medians and ratio. */
export async function measureGraphQLLayer(
  ballastUrl: string,
  bareUrl: string,
  options: GraphQLLayerOptions,
) {
  // Both answer the query as expected before any load.
  for (const url of [ballastUrl, bareUrl]) {
    const data = await postGraphQL<{ __typename: string }>(url, '{ __typename }');
    if (data.__typename !== 'Query') throw new Error(`${url} answered ${JSON.stringify(data)}`);
  }
  const { connections, seconds, rounds, warmupSeconds } = options;
  await trivialQueryLoad(ballastUrl, connections, warmupSeconds);
  await trivialQueryLoad(bareUrl, connections, warmupSeconds);
  const ballast: Window[] = [];
  const bare: Window[] = [];
  for (let r = 0; r < rounds; r++) {
    ballast.push(await trivialQueryLoad(ballastUrl, connections, seconds));
    bare.push(await trivialQueryLoad(bareUrl, connections, seconds));
  }
  const summary = (windows: Window[]) => ({
    requestsPerSecond: round(median(windows.map((w) => w.requestsPerSecond))),
    latencyP50Ms: median(windows.map((w) => w.latencyP50Ms)),
    latencyP99Ms: median(windows.map((w) => w.latencyP99Ms)),
    windows,
  });
  const b = summary(ballast);
  const a = summary(bare);
  return {
    query: '{ __typename }',
    connections,
    secondsPerWindow: seconds,
    order: 'Ballast, bare, Ballast, bare, …',
    ballast: b,
    bareApollo: a,
    /** Ballast's median req/s over bare Apollo's (target ≥ 0.85). */
    ratioBallastToBare: round(b.requestsPerSecond / a.requestsPerSecond, 3),
    /** The same per round (windows seconds apart). */
    ratioPerRound: ballast.map((w, i) =>
      round(w.requestsPerSecond / bare[i]!.requestsPerSecond, 3),
    ),
    target: 0.85,
  };
}
