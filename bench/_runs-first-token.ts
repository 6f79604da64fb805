// Part 1 of `bench/runs.ts`: how much later than the model's own first token a client of
// `askStream` receives the first `TokenDelta`. The fake model and the client are in the
// bench process, the server in its child: both timestamps are read from the same clock.
import type { Client } from 'graphql-ws';
import { decodeId } from '../src/graphql/ids.js';
import type { FakeLlmServer, RecordedRequest } from '../test/fake-llm/server.js';
import {
  answerOf,
  clockOffset,
  scriptNextRun,
  summarise,
  universalReply,
  wsClientOf,
  type SeededCollection,
  type ServerChild,
} from './_runs-client.js';

const ASK_STREAM = `subscription ($input: AskInput!) {
  askStream(input: $input) {
    __typename seq runId
    ... on TokenDelta { text }
    ... on RunCompleted { answer { text cached fallbackPath } }
    ... on RunFailed { code message }
  }
}`;

/** High-resolution epoch ms, the clock the fake stamps `firstTokenAt` with. */
const now = () => performance.timeOrigin + performance.now();

/** What a client saw of one `askStream`. */
interface StreamedRun {
  runId: string;
  subscribedAt: number;
  firstTokenAt: number | undefined;
  endedAt: number;
  text: string;
  tokenEvents: number;
  answer: { text: string; cached: boolean; fallbackPath: string[] } | undefined;
  failure: string | undefined;
}

/** Runs one `askStream` to its terminal event. */
export function askStreamOnce(
  client: Client,
  collectionGid: string,
  question: string,
): Promise<StreamedRun> {
  const run: StreamedRun = {
    runId: '',
    subscribedAt: now(),
    firstTokenAt: undefined,
    endedAt: 0,
    text: '',
    tokenEvents: 0,
    answer: undefined,
    failure: undefined,
  };
  return new Promise((resolve, reject) => {
    client.subscribe<{
      askStream: {
        __typename: string;
        runId: string;
        text?: string;
        answer?: StreamedRun['answer'];
        code?: string;
        message?: string;
      };
    }>(
      { query: ASK_STREAM, variables: { input: { collectionId: collectionGid, question } } },
      {
        next: (result) => {
          const at = now(); // first thing: the receipt time
          const event = result.data?.askStream;
          if (!event) return reject(new Error(JSON.stringify(result.errors)));
          run.runId = event.runId;
          if (event.__typename === 'TokenDelta') {
            run.firstTokenAt ??= at;
            run.tokenEvents++;
            run.text += event.text ?? '';
          } else if (event.__typename === 'RunCompleted') run.answer = event.answer;
          else if (event.__typename === 'RunFailed')
            run.failure = `${event.code}: ${event.message}`;
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => {
          run.endedAt = now();
          resolve(run);
        },
      },
    );
  });
}

/** Options of {@link measureFirstToken}. */
export interface FirstTokenOptions {
  runs: number;
  warmup: number;
  /** The fake's delay between answer tokens. */
  tokenDelayMs: number;
  answerWords: number;
}

const isStreamingChat = (r: RecordedRequest) =>
  r.path === '/v1/chat/completions' && (r.body as { stream?: boolean }).stream === true;

/**
 * Sequential `askStream` runs on one WebSocket (a frontend's), each a new question: the
 * added latency is the client's receipt of the first `TokenDelta` minus the moment the fake
 * wrote the first token of the answer request.
 */
export async function measureFirstToken(
  child: ServerChild,
  fake: FakeLlmServer,
  seeded: SeededCollection,
  nextQuestion: () => string,
  options: FirstTokenOptions,
) {
  const answer = answerOf(options.answerWords);
  const client = wsClientOf(child.url);
  const addedMs: number[] = [];
  const modelToEmitMs: number[] = [];
  const emitToClientMs: number[] = [];
  const measured: { runId: string; modelFirst: number; clientFirst: number }[] = [];
  const clientFirstTokenMs: number[] = [];
  const runMs: number[] = [];
  const tokenEvents: number[] = [];
  const problems: string[] = [];
  let streamingRequestsPerRun = 0;
  try {
    for (let i = 0; i < options.warmup + options.runs; i++) {
      scriptNextRun(fake, answer, seeded.chunkIds, { tokenDelayMs: options.tokenDelayMs });
      const before = fake.requests.length;
      const run = await askStreamOnce(client, seeded.collectionGid, nextQuestion());
      const streamed = fake.requests.slice(before).filter(isStreamingChat);
      streamingRequestsPerRun = Math.max(streamingRequestsPerRun, streamed.length);
      const modelFirst = streamed.at(-1)?.firstTokenAt;
      if (run.failure) problems.push(run.failure);
      else if (!run.answer || run.answer.cached) problems.push('answered from the cache');
      else if (run.text !== run.answer.text) problems.push('tokens do not add up to the answer');
      else if (run.firstTokenAt === undefined || modelFirst === undefined)
        problems.push('no token');
      else if (i >= options.warmup) {
        addedMs.push(run.firstTokenAt - modelFirst);
        measured.push({ runId: run.runId, modelFirst, clientFirst: run.firstTokenAt });
        clientFirstTokenMs.push(run.firstTokenAt - run.subscribedAt);
        runMs.push(run.endedAt - run.subscribedAt);
        tokenEvents.push(run.tokenEvents);
      }
    }
  } finally {
    await client.dispose();
  }
  const emits = await child.call<Record<string, number>>({ cmd: 'firstTokenEmits' });
  const clock = await clockOffset(child);
  for (const run of measured) {
    const emitted = emits[decodeId('Run', run.runId)!];
    if (emitted === undefined) continue;
    modelToEmitMs.push(emitted - clock.offsetMs - run.modelFirst);
    emitToClientMs.push(run.clientFirst - (emitted - clock.offsetMs));
  }
  // The model client alone, same fake behaviour, same number of calls.
  fake.script(
    'primary',
    universalReply(answer, seeded.chunkIds, { tokenDelayMs: options.tokenDelayMs }),
  );
  const before = fake.requests.length;
  const clientFirsts = await child.call<number[]>({ cmd: 'modelStream', runs: options.runs });
  const modelFirsts = fake.requests.slice(before).filter(isStreamingChat);
  const modelClientMs = clientFirsts.flatMap((t, i) => {
    const written = modelFirsts[i]?.firstTokenAt;
    return written === undefined ? [] : [t - clock.offsetMs - written];
  });
  const added = summarise(addedMs);
  return {
    tokenDelayMs: options.tokenDelayMs,
    answerTokens: answer.split(' ').length,
    /** Client receipt of the first TokenDelta − the fake writing its first answer token. */
    addedMs: added,
    /** From `askStream` sent to the first TokenDelta received (queue, graph up to `generate`). */
    /**
     * The same, split where the server's run emits its first TokenDelta (read in the child,
     * corrected by the measured clock offset): model client + graph + runner, then
     * subscription loop + GraphQL + WebSocket + client.
     */
    split: {
      modelToEmitMs: summarise(modelToEmitMs),
      /** Of which, measured on its own: fake's write → `ChatModel.stream` yields the token. */
      modelClientAloneMs: summarise(modelClientMs),
      emitToClientMs: summarise(emitToClientMs),
      childClock: clock,
    },
    clientTimeToFirstTokenMs: summarise(clientFirstTokenMs),
    runMs: summarise(runMs),
    tokenEventsPerRun: summarise(tokenEvents),
    streamingModelRequestsPerRun: streamingRequestsPerRun,
    failedRuns: problems.length,
    ...(problems.length > 0 ? { failures: [...new Set(problems)].slice(0, 5) } : {}),
    targetAddedMedianMs: 5,
    metTarget: added.n > 0 && (added.median ?? Infinity) <= 5,
  };
}
