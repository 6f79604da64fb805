// `npm run bench -- models`: what one chat model of the chain (timeouts, retries, breaker,
// watchdogs, span) costs on top of a bare ChatOpenAI call, and how fast a model gives up so that
// the graph's fallback edge can move on. The fake OpenAI server runs in-process at zero latency,
// so the figures are the client-side overhead, not network time. The graph's own cost of a hop
// (the fallback step and its checkpoint) is in `bench -- graph`.
import { ChatOpenAI } from '@langchain/openai';
import {
  createModelRegistry,
  parseModelsConfig,
  type ChatRequest,
  type ModelsConfig,
} from '../src/models/index.js';
import { createFakeLlmServer, type FakeLlmServer } from '../test/fake-llm/server.js';

const CALLS = 400;
const WARMUP = 50;
const SWITCH_CALLS = 300;
const HANG_CALLS = 15;
const HANG_TIMEOUT_MS = 200;
const REPLY =
  'Circuit breakers stop a failing provider from slowing every request down, so the graph can move on to the next model quickly.';

const request: ChatRequest = {
  messages: [{ role: 'user', content: 'Why use a circuit breaker?' }],
  question: 'Why use a circuit breaker?',
  context: [{ id: 'c1', text: 'A circuit breaker skips a failing model until it recovers.' }],
};

const quantile = (samples: number[], q: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const round = (ms: number): number => Math.round(ms * 1000) / 1000;
const summary = (samples: number[]) => ({
  medianMs: round(quantile(samples, 0.5)),
  p90Ms: round(quantile(samples, 0.9)),
  n: samples.length,
});

function configOf(fake: FakeLlmServer, chat: Record<string, unknown>[]): ModelsConfig {
  const parsed = parseModelsConfig({ chat, embedding: { id: 'emb', provider: 'local' } }, {});
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.config;
}
const entry = (fake: FakeLlmServer, id: string, extra: Record<string, unknown> = {}) => ({
  id,
  baseURL: fake.url,
  model: id,
  ...extra,
});

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A model's stream vs the same ChatOpenAI configuration streamed directly, interleaved. */
async function modelOverhead(fake: FakeLlmServer) {
  fake.script('primary', { reply: REPLY });
  const model = createModelRegistry(configOf(fake, [entry(fake, 'primary')])).chat.model('primary');
  // Same fields as the model's provider, so only the model's own layers differ.
  const direct = new ChatOpenAI({
    model: 'primary',
    apiKey: 'not-needed',
    maxRetries: 0,
    streamUsage: true,
    __includeRawResponse: true,
    configuration: { baseURL: fake.url },
  });
  const viaDirect = async () => {
    for await (const chunk of await direct.stream(
      request.messages.map((m) => ({ role: m.role, content: m.content })),
    ))
      void chunk;
  };
  const viaModel = async () => {
    for await (const event of model.stream(request)) void event;
  };
  for (let i = 0; i < WARMUP; i++) {
    await viaDirect();
    await viaModel();
  }
  const directMs: number[] = [];
  const modelMs: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    directMs.push(await time(viaDirect));
    modelMs.push(await time(viaModel));
  }
  const d = summary(directMs);
  const r = summary(modelMs);
  return {
    replyTokens: REPLY.split(' ').length,
    direct: d,
    model: r,
    addedMedianMs: round(r.medianMs - d.medianMs),
    addedP90Ms: round(r.p90Ms - d.p90Ms),
    ratio: round(r.medianMs / d.medianMs),
    targetAddedMedianMs: 1,
  };
}

/** Ms from `started` until `stream` fails (the failure the fallback edge acts on). */
async function untilFailure(stream: AsyncIterable<unknown>, started: number): Promise<number> {
  try {
    for await (const event of stream) void event;
  } catch {
    return performance.now() - started;
  }
  throw new Error('the model was expected to fail');
}

/**
 * A primary whose circuit is already open: how long it takes to refuse (no request), and from
 * the call to the next model's first token.
 */
async function skipWhenOpen(fake: FakeLlmServer) {
  fake.script('open-primary', { status: 503 });
  fake.script('secondary', { reply: REPLY });
  const registry = createModelRegistry(
    configOf(fake, [
      entry(fake, 'open-primary', {
        maxRetries: 0,
        breaker: { failureThreshold: 1, cooldownMs: 3_600_000 },
      }),
      entry(fake, 'secondary'),
    ]),
  );
  const primary = registry.chat.model('open-primary');
  const secondary = registry.chat.model('secondary');
  await primary.generate(request).catch(() => undefined);
  if (!registry.chat.isOpen('open-primary')) throw new Error('breaker did not open');
  const toFailure: number[] = [];
  const toFirstToken: number[] = [];
  for (let i = 0; i < SWITCH_CALLS; i++) {
    const started = performance.now();
    toFailure.push(await untilFailure(primary.stream(request), started));
    let firstTokenAt: number | undefined;
    for await (const event of secondary.stream(request)) {
      if (event.type === 'token') firstTokenAt ??= performance.now() - started;
    }
    toFirstToken.push(firstTokenAt ?? Number.NaN);
  }
  return {
    toFailure: summary(toFailure),
    toNextModelFirstToken: summary(toFirstToken),
    targetMs: 5,
  };
}

/** A primary that never answers: how long after its timeout the call gives up. */
async function timeoutWhenHanging(fake: FakeLlmServer) {
  fake.script('hanging', { hang: true });
  const registry = createModelRegistry(
    configOf(fake, [
      entry(fake, 'hanging', {
        timeoutMs: HANG_TIMEOUT_MS,
        maxRetries: 2,
        breaker: { failureThreshold: 1000 },
      }),
    ]),
  );
  const hanging = registry.chat.model('hanging');
  const toFailure: number[] = [];
  for (let i = 0; i < HANG_CALLS; i++) {
    toFailure.push(await untilFailure(hanging.stream(request), performance.now()));
  }
  const s = summary(toFailure);
  return {
    timeoutMs: HANG_TIMEOUT_MS,
    toFailure: s,
    beyondTimeoutMedianMs: round(s.medianMs - HANG_TIMEOUT_MS),
    beyondTimeoutP90Ms: round(s.p90Ms - HANG_TIMEOUT_MS),
    targetBeyondTimeoutMs: 20,
  };
}

/** Runs the three measurements against one in-process fake server (see bench/run.ts). */
export default async function benchModels(): Promise<object> {
  const fake = await createFakeLlmServer();
  try {
    return {
      modelOverhead: await modelOverhead(fake),
      skipWhenBreakerOpen: await skipWhenOpen(fake),
      timeoutWhenPrimaryHangs: await timeoutWhenHanging(fake),
    };
  } finally {
    await fake.close();
  }
}
