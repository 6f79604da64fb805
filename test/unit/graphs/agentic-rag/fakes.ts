import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { z } from 'zod';
import type {
  AgenticRagEvent,
  AgenticRagValues,
  GraphChatModel,
  GraphChatRouter,
} from '../../../../graphs/agentic-rag/index.js';
import { DEFAULT_BUDGET, DEFAULT_LIMITS } from '../../../../graphs/agentic-rag/index.js';
import type { NodeDeps } from '../../../../graphs/agentic-rag/deps.js';
import { RUN_DEFAULTS } from '../../../../graphs/agentic-rag/state.js';
import type { AnswerCache, CacheHit, NewCacheEntry } from '../../../../src/cache/index.js';
import { silentLogger } from '../../../../src/logger.js';
import {
  ModelCallError,
  type ChatRequest,
  type FailureCode,
  type ModelStreamEvent,
  type StructuredOptions,
} from '../../../../src/models/index.js';

/** A full state: the run defaults, a question on collection `c1`, and `overrides`. */
export function stateWith(overrides: Partial<AgenticRagValues> = {}): AgenticRagValues {
  return {
    workspaceId: 'w1',
    collectionId: 'c1',
    question: 'How long is annual leave?',
    runId: undefined,
    history: [],
    ...RUN_DEFAULTS,
    ...overrides,
  };
}

/** One earlier turn: a state with it is a follow-up. */
export const EARLIER_TURN = [
  { role: 'user' as const, content: 'Earlier question?' },
  { role: 'assistant' as const, content: 'Earlier answer.' },
];

/** Two retrieved chunks of document d1. */
export const CHUNKS = [
  { chunkId: 'k1', documentId: 'd1', text: 'Annual leave is twenty-five days.', score: 0.9 },
  { chunkId: 'k2', documentId: 'd1', text: 'Parental leave is sixteen weeks.', score: 0.5 },
];

/**
 * A run config whose custom writer records events; `signal` if given. `events` are the node's
 * own events; `all` also has the `nodeStarted` that `defineNode` sends first.
 */
export function recordingConfig(signal?: AbortSignal) {
  const all: AgenticRagEvent[] = [];
  const events: AgenticRagEvent[] = [];
  const config: LangGraphRunnableConfig = {
    writer: (event: unknown) => {
      const recorded = event as AgenticRagEvent;
      all.push(recorded);
      if (recorded.type !== 'nodeStarted') events.push(recorded);
    },
    ...(signal ? { signal } : {}),
  };
  return { events, all, config };
}

/** How a fake model answers one stream call. */
export interface FakeReply {
  tokens: string[];
  /** Fail with this code after the tokens instead of finishing. */
  failWith?: FailureCode;
}

/** What a fake model's `generateStructured` returns for one call, or the code it fails with. */
export type FakeStructured = (request: ChatRequest, options?: StructuredOptions) => unknown;

const failure = (id: string, code: FailureCode) =>
  new ModelCallError(id, { code, retryable: false, countsAsFailure: true });

/**
 * A scripted model: one stream reply per call (the last one repeats); `structured` answers
 * `generateStructured` calls (a thrown error fails them). Requests of both are recorded.
 */
export function fakeModel(
  id: string,
  replies: FakeReply[],
  options: { kind?: 'openai' | 'local'; canContinue?: boolean; structured?: FakeStructured } = {},
) {
  const requests: ChatRequest[] = [];
  const structuredCalls: { request: ChatRequest; options: StructuredOptions | undefined }[] = [];
  const model: GraphChatModel = {
    id,
    canContinue: options.canContinue ?? options.kind !== 'local',
    provider: { kind: options.kind ?? 'openai' },
    async *stream(request: ChatRequest): AsyncGenerator<ModelStreamEvent> {
      const reply = replies[Math.min(requests.length, replies.length - 1)]!;
      requests.push(request);
      for (const text of reply.tokens) yield { type: 'token', text };
      if (reply.failWith !== undefined) throw failure(id, reply.failWith);
      yield { type: 'done', text: reply.tokens.join('') };
    },
    generateStructured: <T>(
      schema: z.ZodType<T>,
      request: ChatRequest,
      opts?: StructuredOptions,
    ) => {
      structuredCalls.push({ request, options: opts });
      try {
        return Promise.resolve(schema.parse(options.structured?.(request, opts)));
      } catch (error) {
        return Promise.reject(
          error instanceof ModelCallError ? error : failure(id, 'INVALID_OUTPUT'),
        );
      }
    },
  };
  return { model, requests, structuredCalls };
}

/** A structured answer that fails the call with `code`. */
export function failingWith(id: string, code: FailureCode): FakeStructured {
  return () => {
    throw failure(id, code);
  };
}

/** A router over fake models; models in `open` have an open circuit. */
export function fakeRouter(models: GraphChatModel[], options: { open?: string[] } = {}) {
  const router: GraphChatRouter = {
    ids: models.map((model) => model.id),
    isOpen: (id) => options.open?.includes(id) ?? false,
    model: (id) => {
      const found = models.find((model) => model.id === id);
      if (!found) throw new Error(`no model ${id}`);
      return found;
    },
  };
  return { router };
}

/** An in-memory cache: `hits` are served in order; stores are recorded. */
export function fakeCache(hits: { exact?: CacheHit; similar?: CacheHit } = {}) {
  const stored: NewCacheEntry[] = [];
  const similarCalls: { minSimilarity: number | undefined }[] = [];
  const cache: AnswerCache = {
    similarityThreshold: 0.92,
    findExact: () => Promise.resolve({ hit: hits.exact ?? null, retired: 0 }),
    findSimilar: (_key, _embedding, minSimilarity) => {
      similarCalls.push({ minSimilarity });
      return Promise.resolve({ hit: hits.similar ?? null, retired: 0 });
    },
    find: (_key, _question, _embedding, minSimilarity) => {
      similarCalls.push({ minSimilarity });
      return Promise.resolve({ hit: hits.exact ?? hits.similar ?? null, retired: 0 });
    },
    store: (entry) => {
      stored.push(entry);
      return Promise.resolve();
    },
  };
  return { cache, stored, similarCalls };
}

/** A cache hit answering with chunk k1. */
export function hitOf(text: string, similarity = 1): CacheHit {
  return {
    entryId: 'e1',
    question: 'q',
    answer: {
      text,
      citations: [{ chunkId: 'k1', documentId: 'd1' }],
      model: 'primary',
      grounded: true,
    },
    similarity,
    createdAt: new Date(0),
  };
}

/** Node dependencies with defaults and the given fakes. */
export function nodeDeps(overrides: Partial<NodeDeps> = {}): NodeDeps {
  return {
    router: fakeRouter([fakeModel('primary', [{ tokens: [] }]).model]).router,
    embedder: {
      model: 'hashing-v1',
      embed: (texts) => Promise.resolve(texts.map(() => [1, 0, 0])),
    },
    retrieve: () => Promise.resolve(CHUNKS),
    cache: fakeCache().cache,
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    runUsage: () => null,
    budget: DEFAULT_BUDGET,
    limits: DEFAULT_LIMITS,
    logger: silentLogger,
    ...overrides,
  };
}

/** The raw JSON a model writes for an answer, cut into word tokens. */
export function answerTokens(answer: string, citations: string[], grounded = true): string[] {
  return JSON.stringify({ answer, citations, grounded }).match(/\S+\s*|\s+/gu) ?? [];
}
