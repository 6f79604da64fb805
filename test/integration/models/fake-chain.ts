import {
  createModelRegistry,
  parseModelsConfig,
  type ModelRegistry,
  type ModelsConfig,
} from '../../../src/models/index.js';
import type { ChatModel } from '../../../src/models/index.js';
import type { ChatRequest, ModelAttempt } from '../../../src/models/types.js';
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

/**
 * A registry over `chat` with millisecond backoff, so retries do not slow tests down; `now`
 * replaces the clock of breaker cool-downs and attempt stamps.
 */
export function registryOf(
  chat: Record<string, unknown>[],
  embedding?: Record<string, unknown>,
  options: { now?: () => number } = {},
): ModelRegistry {
  return createModelRegistry(chainConfig(chat, embedding), {
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
    ...(options.now ? { now: options.now } : {}),
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

/** What one call on one model produced: its text or its error, and every attempt. */
export interface Called {
  text?: string;
  error?: unknown;
  attempts: ModelAttempt[];
  /** Time from the call to its end. */
  ms: number;
}

/** Calls `model.generate` and records how it ended, without throwing. */
export async function call(model: ChatModel, request: ChatRequest = askRequest()): Promise<Called> {
  const attempts: ModelAttempt[] = [];
  const started = performance.now();
  try {
    const text = await model.generate(request, { onAttempt: (attempt) => attempts.push(attempt) });
    return { text, attempts, ms: performance.now() - started };
  } catch (error) {
    return { error, attempts, ms: performance.now() - started };
  }
}

/** `model:outcome:reason` of each attempt. */
export function outcomesOf(attempts: readonly ModelAttempt[]): string[] {
  return attempts.map((a) => `${a.model}:${a.outcome}:${a.reason ?? ''}`);
}

/** The requests the fake received for `model`. */
export function requestsFor(fake: FakeLlmServer, model: string) {
  return fake.requests.filter((request) => request.model === model);
}
