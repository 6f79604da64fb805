import {
  createModelRegistry,
  parseModelsConfig,
  type ModelRegistry,
  type ModelsConfig,
} from '../../../src/models/index.js';
import type { ChatRequest, ChatResult, ChatStreamEvent } from '../../../src/models/types.js';
import type { FakeLlmServer } from '../../fake-llm/server.js';

/** A remote chat entry on the fake server whose fake model name is its id. Fast test defaults. */
export function remoteEntry(
  fake: FakeLlmServer,
  id: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    id,
    baseURL: fake.url,
    model: id,
    timeoutMs: 5000,
    firstTokenTimeoutMs: 2000,
    maxRetries: 0,
    ...overrides,
  };
}

/** Parses a chain (the local model is appended) with a local embedder. */
export function chainConfig(
  chat: Record<string, unknown>[],
  embedding: Record<string, unknown> = { id: 'emb', provider: 'local' },
): ModelsConfig {
  const parsed = parseModelsConfig({ chat, embedding }, {});
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.config;
}

/** A registry over `chat` with millisecond backoff, so retries do not slow tests down. */
export function registryOf(
  chat: Record<string, unknown>[],
  embedding?: Record<string, unknown>,
): ModelRegistry {
  return createModelRegistry(chainConfig(chat, embedding), {
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  });
}

/** A request whose context lets the local model answer. */
export function askRequest(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [
      { role: 'system', content: 'Answer from the context.' },
      { role: 'user', content: 'How does the fox move?' },
    ],
    question: 'How does the fox move?',
    context: [
      { id: 'chunk-1', text: 'The quick brown fox jumps over the lazy dog. Dogs sleep all day.' },
    ],
    ...overrides,
  };
}

/** Everything a router stream produced, with the time of each event since the start. */
export interface Collected {
  events: (ChatStreamEvent & { atMs: number })[];
  tokens: string;
  result: ChatResult;
}

/** Drains a stream; throws if it ended without `done`. */
export async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<Collected> {
  const started = performance.now();
  const events: Collected['events'] = [];
  for await (const event of stream) events.push({ ...event, atMs: performance.now() - started });
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('stream ended without done');
  const tokens = events.map((event) => (event.type === 'token' ? event.text : '')).join('');
  return { events, tokens, result: done.result };
}

/** The requests the fake received for `model`. */
export function requestsFor(fake: FakeLlmServer, model: string) {
  return fake.requests.filter((request) => request.model === model);
}
