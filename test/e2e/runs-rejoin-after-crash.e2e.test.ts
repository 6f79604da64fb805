import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { decodeId } from '../../src/graphql/ids.js';
import { waitFor } from '../support/wait-for.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { wsClient } from '../support/graphql-ws-client.js';
import {
  answerReply,
  assembleText,
  collectEvents,
  EVENT_FIELDS,
  gradeReply,
  HANDBOOK_DOCUMENTS,
  patientPrimary,
  type StreamedEvent,
} from './support/runs-fixture.js';

const ASK_STREAM = `subscription ($input: AskInput!) { askStream(input: $input) { ${EVENT_FIELDS} } }`;
const RUN_EVENTS = `subscription ($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) { ${EVENT_FIELDS} }
}`;
const PARAGRAPH = [
  'Parental leave is sixteen weeks at full pay, and it may be taken in two blocks within the',
  'first year. Tell your manager at least eight weeks before the first block starts, agree on',
  'a handover, and record both blocks in the leave portal so that payroll keeps paying you in',
  'full. Annual leave keeps accruing during parental leave, and unused days carry over once.',
].join(' ');
// Long enough (about 350 tokens, 5 ms apart: about 2 s) that the kill lands mid-answer even
// when the first stored token reaches the client late on a loaded machine.
const ANSWER = Array.from({ length: 5 }, () => PARAGRAPH).join(' ');
/** Runs killed and re-joined (the reported failure hit 10 of 10). */
const RUNS = 3;
/** TokenDeltas the client sees before its server is killed. */
const KILL_AFTER_TOKENS = 3;
const DEADLINE_MS = 60_000;

/** `promise`, or a failure naming `what` once `DEADLINE_MS` has passed. */
async function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Told of each TokenDelta the client sees (with how many so far); calls `kill` when it is time. */
type KillPolicy = (event: StreamedEvent, tokens: number, kill: () => void) => void;

/** Kills once the client has seen `KILL_AFTER_TOKENS` TokenDeltas. */
const killAfterTokens: KillPolicy = (_event, tokens, kill) => {
  if (tokens === KILL_AFTER_TOKENS) kill();
};

/**
 * PostgreSQL answers an append faster than the WebSocket carries an event, so a kill on
 * receipt rarely lands between the two; this opens that window on purpose. At the first
 * TokenDelta it locks the run's row (each append locks it first) and kills the server once an
 * append waits behind the lock: the events of that append were emitted, never stored.
 * `release` ends the lock (after the kill) and reports what went wrong, if anything did.
 */
function killWhileAnAppendWaits(url: string): { policy: KillPolicy; release(): Promise<void> } {
  const holder = new pg.Client({ connectionString: url });
  let holding: Promise<void> | null = null;
  const appendWaiting = async () => {
    const waiting = await holder.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'
         AND query LIKE '%INSERT INTO run_events%'`,
    );
    return waiting.rows[0]!.n > 0 ? true : undefined;
  };
  return {
    policy(event, tokens, kill) {
      if (tokens !== 1 || holding) return;
      holding = (async () => {
        await holder.connect();
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM runs WHERE id = $1 FOR UPDATE', [
          decodeId('Run', event.runId),
        ]);
        // Usually within milliseconds; if every event so far was stored before the lock, the
        // kill still lands mid-answer (the model goes silent before the end), just without
        // an append in flight.
        await waitFor(appendWaiting, 5_000).catch(() => undefined);
        kill();
      })();
      // Reported by `release`, which awaits it.
      holding.catch(() => undefined);
    },
    async release() {
      try {
        await holding;
      } finally {
        await holder.end();
      }
    },
  };
}

/**
 * Asks on `server` with `askStream` and SIGKILLs the server when `policy` says; resolves with
 * every event the client received, including those already on the wire when the server died.
 */
async function askUntilKilled(
  server: ChildServer,
  input: Record<string, unknown>,
  policy: KillPolicy,
): Promise<StreamedEvent[]> {
  const client = wsClient(server.url);
  const seen: StreamedEvent[] = [];
  try {
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        client.subscribe<{ askStream: StreamedEvent }>(
          { query: ASK_STREAM, variables: { input } },
          {
            next: (result) => {
              if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
              const event = result.data!.askStream;
              seen.push(event);
              if (event.__typename !== 'TokenDelta') return;
              const tokens = seen.filter((e) => e.__typename === 'TokenDelta').length;
              policy(event, tokens, () => server.process.kill('SIGKILL'));
            },
            // The socket drops with the process.
            error: () => resolve(),
            complete: () => resolve(),
          },
        );
      }),
      'the first server streaming until killed',
    );
  } finally {
    await client.dispose();
  }
  await server.stop('SIGKILL');
  return seen;
}

describe(`a client re-joining after a crash ends with the final answer (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  const children: ChildServer[] = [];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-run-rejoin-'));
    const configFile = path.join(dir, 'models.json');
    writeFileSync(
      configFile,
      // Minutes to answer: the resumed run's only model must not time out on a loaded machine.
      JSON.stringify({ chat: [patientPrimary(fake)], embedding: { id: 'emb', provider: 'local' } }),
    );
    env = { BALLAST_CONFIG: configFile, BALLAST_RUN_LEASE_SECONDS: '5' };
    if (TEST_DATABASE_MODE === 'POSTGRES') {
      database = await createTestDatabase();
      env['DATABASE_URL'] = database.url!;
    } else {
      env['BALLAST_DATA_DIR'] = path.join(dir, 'data');
    }
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await database?.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'every seq the client saw keeps its meaning, so afterSeq = last seen catches RunResumed',
    async () => {
      let server = await spawnServer(env);
      children.push(server);
      const created = await postGraphQL<{ createCollection: { id: string } }>(
        server.url,
        'mutation { createCollection(input: { name: "rejoin" }) { id } }',
      );
      const collectionId = created.data!.createCollection.id;
      const job = await postGraphQL<{ ingestDocuments: { id: string } }>(
        server.url,
        'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
        { input: { collectionId, documents: HANDBOOK_DOCUMENTS } },
      );
      const url = server.url;
      await waitFor(async () => {
        const state = await postGraphQL<{ ingestJob: { status: string } }>(
          url,
          'query ($id: ID!) { ingestJob(id: $id) { status } }',
          { id: job.data!.ingestDocuments.id },
        );
        return state.data!.ingestJob.status === 'SUCCEEDED' ? true : undefined;
      });
      const hits = await postGraphQL<{ search: { chunk: { id: string } }[] }>(
        server.url,
        'query ($c: ID!) { search(collectionId: $c, query: "parental leave weeks", k: 1) { chunk { id } } }',
        { c: collectionId },
      );
      const leave = hits.data!.search.map((h) => decodeId('Chunk', h.chunk.id)!);

      /** What the client made of each run, and what the run stored. */
      const outcomes: {
        rebuilt: string;
        stored: string | null;
        streamEnded: string | undefined;
        rejoinSawRunResumed: boolean;
        trail: string;
      }[] = [];
      for (let run = 0; run < RUNS; run++) {
        // The attempt that is killed streams a token every 5 ms; the resumed one answers fast.
        fake.script('primary', [
          gradeReply(leave),
          // Silent before the end, so the attempt that is killed can never finish first.
          answerReply(ANSWER, leave, { tokenDelayMs: 5, hangAfterTokens: 150 }),
          answerReply(ANSWER, leave),
        ]);
        const locking = database ? killWhileAnAppendWaits(database.url!) : null;
        let seen: StreamedEvent[];
        try {
          seen = await askUntilKilled(
            server,
            { collectionId, question: `How long is parental leave? (${run})` },
            locking?.policy ?? killAfterTokens,
          );
        } finally {
          await locking?.release();
        }
        expect(seen.some((e) => e.__typename === 'TokenDelta')).toBe(true);
        expect(seen.some((e) => e.__typename === 'RunCompleted')).toBe(false);

        server = await spawnServer(env);
        children.push(server);
        const client = wsClient(server.url);
        let rest: StreamedEvent[];
        try {
          rest = await withDeadline(
            collectEvents(client, RUN_EVENTS, {
              runId: seen[0]!.runId,
              afterSeq: seen.at(-1)!.seq,
            }),
            'the re-joined stream to end',
          );
        } finally {
          await client.dispose();
        }
        const events = [...seen, ...rest];
        const trail = JSON.stringify(
          events.map((e) => [e.seq, e.__typename, e.text ?? e.code ?? '']),
        );
        expect(
          events.map((e) => e.seq),
          trail,
        ).toEqual(events.map((_, i) => i + 1));
        const stored = await postGraphQL<{ run: { answer: { text: string } | null } }>(
          server.url,
          'query ($id: ID!) { run(id: $id) { answer { text } } }',
          { id: seen[0]!.runId },
        );
        outcomes.push({
          rebuilt: assembleText(events),
          stored: stored.data!.run.answer?.text ?? null,
          streamEnded: rest.at(-1)?.__typename,
          rejoinSawRunResumed: rest.some((e) => e.__typename === 'RunResumed'),
          trail,
        });
      }
      const wrong = outcomes.filter(
        (o) =>
          o.stored !== ANSWER ||
          o.rebuilt !== ANSWER ||
          o.streamEnded !== 'RunCompleted' ||
          !o.rejoinSawRunResumed,
      );
      expect(wrong, `${wrong.length} of ${RUNS} runs went wrong for the client`).toEqual([]);
      await server.stop('SIGTERM');
    },
    RUNS * 60_000,
  );
});
