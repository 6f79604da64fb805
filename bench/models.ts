// `npm run bench -- models`: what the router costs on top of a bare ChatOpenAI call, and how fast
// it fails over. The fake OpenAI server runs in-process at zero latency, so the figures are the
// client-side overhead, not network time.
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
  'Circuit breakers stop a failing provider from slowing every request down, so the router can move on to the next model quickly.';

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

/** Router stream vs the same ChatOpenAI configuration streamed directly, interleaved. */
async function routerOverhead(fake: FakeLlmServer) {
  fake.script('primary', { reply: REPLY });
  const registry = createModelRegistry(configOf(fake, [entry(fake, 'primary')]));
  // Same fields as the router's provider, so only the router's own layers differ.
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
  const viaRouter = async () => {
    for await (const event of registry.chat.stream(request)) void event;
  };
  for (let i = 0; i < WARMUP; i++) {
    await viaDirect();
    await viaRouter();
  }
  const directMs: number[] = [];
  const routerMs: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    directMs.push(await time(viaDirect));
    routerMs.push(await time(viaRouter));
  }
  const d = summary(directMs);
  const r = summary(routerMs);
  return {
    replyTokens: REPLY.split(' ').length,
    direct: d,
    router: r,
    addedMedianMs: round(r.medianMs - d.medianMs),
    addedP90Ms: round(r.p90Ms - d.p90Ms),
    ratio: round(r.medianMs / d.medianMs),
    targetAddedMedianMs: 1,
  };
}

/** Time from the call to the `fallback` event when the primary's circuit is already open. */
async function switchWhenOpen(fake: FakeLlmServer) {
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
  await registry.chat.generate(request);
  if (!registry.chat.isOpen('open-primary')) throw new Error('breaker did not open');
  const toFallback: number[] = [];
  const toFirstToken: number[] = [];
  for (let i = 0; i < SWITCH_CALLS; i++) {
    const started = performance.now();
    let fallbackAt: number | undefined;
    let firstTokenAt: number | undefined;
    for await (const event of registry.chat.stream(request)) {
      if (event.type === 'fallback') fallbackAt ??= performance.now() - started;
      if (event.type === 'token') firstTokenAt ??= performance.now() - started;
    }
    toFallback.push(fallbackAt ?? Number.NaN);
    toFirstToken.push(firstTokenAt ?? Number.NaN);
  }
  return {
    toFallbackEvent: summary(toFallback),
    toFirstFallbackToken: summary(toFirstToken),
    targetMs: 5,
  };
}

/** Time from the call to the `fallback` event when the primary never answers. */
async function switchWhenHanging(fake: FakeLlmServer) {
  fake.script('hanging', { hang: true });
  fake.script('secondary', { reply: REPLY });
  const registry = createModelRegistry(
    configOf(fake, [
      entry(fake, 'hanging', {
        timeoutMs: HANG_TIMEOUT_MS,
        maxRetries: 2,
        breaker: { failureThreshold: 1000 },
      }),
      entry(fake, 'secondary'),
    ]),
  );
  const toFallback: number[] = [];
  for (let i = 0; i < HANG_CALLS; i++) {
    const started = performance.now();
    for await (const event of registry.chat.stream(request)) {
      if (event.type === 'fallback') toFallback.push(performance.now() - started);
    }
  }
  const s = summary(toFallback);
  return {
    timeoutMs: HANG_TIMEOUT_MS,
    toFallbackEvent: s,
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
      routerOverhead: await routerOverhead(fake),
      fallbackWhenBreakerOpen: await switchWhenOpen(fake),
      fallbackWhenPrimaryHangs: await switchWhenHanging(fake),
    };
  } finally {
    await fake.close();
  }
}
