import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  assembleText,
  EVENT_FIELDS,
  patientPrimary,
  seedChildServer,
  type StreamedEvent,
  universalReply,
} from '../e2e/support/runs-fixture.js';
import { createFakeLlmServer } from '../fake-llm/server.js';
import { postGraphQL, spawnServer, type ChildServer } from './child-server.js';
import { createPrivateCluster } from './private-cluster.js';
import { waitFor as waitForValue } from './wait-for.js';

/** Options of {@link runOutageScenario}. */
export interface OutageScenarioOptions {
  /** How long PostgreSQL is stopped. */
  outageMs: number;
  /** Runs in flight when it stops (asked round-robin through the replicas). */
  runs: number;
  /** Server processes on the one database. Default: 1. */
  replicas?: number;
  /** Also an ingest job in flight (slow embeddings). Default: false. */
  job?: boolean;
  /** After the outage, cancel a long run through a replica other than the one it was asked on. Default: false. */
  cancel?: boolean;
  /** Run lease of the servers, in seconds. Default: 10. */
  leaseSeconds?: number;
}

/** What held and what was lost across the outage. */
export interface OutageFigures {
  runsAccepted: number;
  /** Runs that ended SUCCEEDED with a gapless log ending in RunCompleted. */
  runsCompleted: number;
  /** Runs whose streamed text, rebuilt as a client does, differs from the answer. */
  textMismatches: number;
  /** Each run that did not complete, with its status and event trail. */
  lost: string[];
  jobsAccepted: number;
  jobsCompleted: number;
  /** `health` requests made during the outage, and those answered with HTTP 200 and a status. */
  healthAsked: number;
  healthAnswered: number;
  healthDegraded: number;
  /** ms from the cancel (after the database is back) to the run's CANCELLED; null without one. */
  cancelMs: number | null;
  cancelStatus: string | null;
  /** Warning and error log lines of all servers, and how many each message had. */
  warnLines: number;
  warnByMessage: Record<string, number>;
}

const ANSWER = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
// A run here logs about 100 events, more than `Run.events`' default page (100) since NodeStarted
// opens each node; pages of 50 keep the query under the cost limit, which counts `first`.
const EVENTS_PAGE = 50;
const RUN_QUERY = `query ($id: ID!, $after: Int) {
  run(id: $id) { status events(afterSeq: $after, first: ${EVENTS_PAGE}) { ${EVENT_FIELDS} } }
}`;
const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** {@link waitForValue}, failing with `what` and what `describe` says then. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => Promise<unknown> = async () => '',
): Promise<T> {
  try {
    return await waitForValue(probe, timeoutMs);
  } catch (error) {
    throw new Error(`timed out: ${what} ${JSON.stringify(await describe())}`, { cause: error });
  }
}

/**
 * Servers (child processes, as `npm start` runs them) on a private PostgreSQL cluster, runs
 * (and optionally an ingest job) in flight, then PostgreSQL stopped for `outageMs` while
 * `health` is asked every 250 ms, started again, and everything waited for. Returns the
 * figures; the caller asserts. Everything it started is stopped and removed, even on failure.
 */
export async function runOutageScenario(options: OutageScenarioOptions): Promise<OutageFigures> {
  const cluster = await createPrivateCluster();
  const fake = await createFakeLlmServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'ballast-outage-'));
  const servers: ChildServer[] = [];
  try {
    const configFile = path.join(dir, 'models.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        chat: [patientPrimary(fake)],
        embedding: options.job
          ? { id: 'emb', baseURL: fake.url, model: 'slow-embed', dimensions: 32 }
          : { id: 'emb', provider: 'local' },
      }),
    );
    fake.script('slow-embed', { latencyMs: 400 });
    const env = {
      DATABASE_URL: cluster.url,
      BALLAST_CONFIG: configFile,
      BALLAST_RUN_LEASE_SECONDS: String(options.leaseSeconds ?? 10),
      BALLAST_INGEST_LEASE_SECONDS: String(options.leaseSeconds ?? 10),
      // The scenario polls every run every 50 ms.
      BALLAST_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    // One at a time: both would create the schema on a fresh database.
    for (let i = 0; i < (options.replicas ?? 1); i++) servers.push(await spawnServer(env));
    const first = servers[0]!;
    const ask = async <T>(
      server: ChildServer,
      query: string,
      variables?: Record<string, unknown>,
    ) => {
      const result = await postGraphQL<T>(server.url, query, variables);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };

    const { collectionId, chunkIds: chunks } = await seedChildServer(first.url, 'outage');
    const INGEST =
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }';
    const JOB = 'query ($id: ID!) { ingestJob(id: $id) { status } }';
    fake.script('primary', universalReply(ANSWER, chunks, { tokenDelayMs: 60 }));

    const runIds: string[] = [];
    for (let i = 0; i < options.runs; i++) {
      const server = servers[i % servers.length]!;
      const { ask: run } = await ask<{ ask: { id: string } }>(
        server,
        'mutation ($input: AskInput!) { ask(input: $input) { id } }',
        { input: { collectionId, question: `How long is parental leave? (${i})` } },
      );
      runIds.push(run.id);
    }
    const jobIds: string[] = [];
    if (options.job) {
      const documents = Array.from({ length: 300 }, (_, i) => ({
        title: `Note ${i}`,
        text: `Note ${i}: parental leave is sixteen weeks; annual leave is twenty-five days.`,
      }));
      // A collection of its own: the runs' retrieval must not see these documents arrive.
      const notes = await ask<{ createCollection: { id: string } }>(
        first,
        'mutation { createCollection(input: { name: "notes" }) { id } }',
      );
      const { ingestDocuments } = await ask<{ ingestDocuments: { id: string } }>(first, INGEST, {
        input: { collectionId: notes.createCollection.id, documents },
      });
      jobIds.push(ingestDocuments.id);
    }
    const readRun = async (id: string) => {
      const events: StreamedEvent[] = [];
      for (;;) {
        const result = await postGraphQL<{ run: { status: string; events: StreamedEvent[] } }>(
          first.url,
          RUN_QUERY,
          { id, after: events.at(-1)?.seq ?? 0 },
        );
        const run = result.data?.run;
        if (!run) return { status: 'UNKNOWN', events };
        events.push(...run.events);
        if (run.events.length < EVENTS_PAGE) return { status: run.status, events };
      }
    };
    const statuses = async () => (await Promise.all(runIds.map(readRun))).map((r) => r.status);
    await waitFor(
      'a token of every run',
      async () => {
        const runs = await Promise.all(runIds.map(readRun));
        return runs.every((r) => r.events.some((e) => e.__typename === 'TokenDelta'))
          ? true
          : undefined;
      },
      60_000,
      statuses,
    );

    await cluster.stop('fast');
    let healthAsked = 0;
    let healthAnswered = 0;
    let healthDegraded = 0;
    const outageEnds = Date.now() + options.outageMs;
    while (Date.now() < outageEnds) {
      for (const server of servers) {
        healthAsked++;
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ health { status } }' }),
          signal: AbortSignal.timeout(5_000),
        }).catch(() => null);
        const body = (await response?.json().catch(() => null)) as {
          data?: { health?: { status: string } };
        } | null;
        const status = body?.data?.health?.status;
        if (response?.status === 200 && status) healthAnswered++;
        if (status === 'DEGRADED') healthDegraded++;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await cluster.start();

    let cancelMs: number | null = null;
    let cancelStatus: string | null = null;
    if (options.cancel) {
      // A long run asked through the first replica, cancelled through the last one.
      fake.script('primary', universalReply(ANSWER, chunks, { tokenDelayMs: 500 }));
      const { ask: long } = await ask<{ ask: { id: string } }>(
        first,
        'mutation ($input: AskInput!) { ask(input: $input) { id } }',
        { input: { collectionId, question: 'A long question to cancel.' } },
      );
      // Executing, in its first model call (a token every 500 ms: it would take minutes).
      await waitFor(
        'the run to cancel to start',
        async () => {
          const run = await readRun(long.id);
          return run.events.some((e) => e.__typename === 'RetrievalDone') ? true : undefined;
        },
        60_000,
        async () => (await readRun(long.id)).status,
      );
      const started = Date.now();
      await ask(servers.at(-1)!, 'mutation ($id: ID!) { cancelRun(id: $id) { id } }', {
        id: long.id,
      });
      cancelStatus = await waitFor(
        'the cancelled run to end',
        async () => {
          const run = await readRun(long.id);
          return TERMINAL.includes(run.status) ? run.status : undefined;
        },
        120_000,
      );
      cancelMs = Date.now() - started;
    }

    const finished = await waitFor(
      'every run to end',
      async () => {
        const runs = await Promise.all(runIds.map(readRun));
        return runs.every((r) => TERMINAL.includes(r.status)) ? runs : undefined;
      },
      120_000,
      statuses,
    );
    const jobs = await waitFor(
      'every job to end',
      async () => {
        const states = await Promise.all(
          jobIds.map((id) =>
            postGraphQL<{ ingestJob: { status: string } }>(first.url, JOB, { id }),
          ),
        );
        const statuses = states.map((s) => s.data?.ingestJob.status ?? 'UNKNOWN');
        return statuses.every((s) => s === 'SUCCEEDED' || s === 'FAILED') ? statuses : undefined;
      },
      120_000,
    );

    const lost: string[] = [];
    let textMismatches = 0;
    for (const [i, run] of finished.entries()) {
      const last = run.events.at(-1);
      const gapless = run.events.every((e, at) => e.seq === at + 1);
      const trail = run.events
        .filter((e) => e.__typename !== 'TokenDelta')
        .map(
          (e) =>
            `${e.seq}:${e.__typename}${e.code ? `(${e.code})` : ''}${e.reason ? `(${e.reason})` : ''}`,
        )
        .join(' ');
      if (run.status !== 'SUCCEEDED' || !gapless || last?.__typename !== 'RunCompleted') {
        lost.push(`${runIds[i]} ${run.status}: ${trail}`);
      } else if (assembleText(run.events) !== last.answer!.text) {
        textMismatches++;
      }
    }
    const warnByMessage: Record<string, number> = {};
    let warnLines = 0;
    for (const line of servers.flatMap((s) => s.logs)) {
      if (Number(line['level']) < 40) continue;
      const message = String(line['msg']);
      if (message.startsWith('AUTHENTICATION IS OFF')) continue;
      warnLines++;
      warnByMessage[message] = (warnByMessage[message] ?? 0) + 1;
    }
    return {
      runsAccepted: runIds.length,
      runsCompleted: runIds.length - lost.length,
      textMismatches,
      lost,
      jobsAccepted: jobIds.length,
      jobsCompleted: jobs.filter((s) => s === 'SUCCEEDED').length,
      healthAsked,
      healthAnswered,
      healthDegraded,
      cancelMs,
      cancelStatus,
      warnLines,
      warnByMessage,
    };
  } catch (error) {
    const died = servers
      .filter((s) => s.process.exitCode !== null || s.process.signalCode !== null)
      .map((s) => ({
        exit: s.process.exitCode ?? s.process.signalCode,
        stderr: s.stderr.slice(-2000),
        logs: s.logs.slice(-5),
      }));
    if (died.length > 0)
      throw new Error(`a server died: ${JSON.stringify(died)}`, { cause: error });
    throw error;
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
    await fake.close();
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
