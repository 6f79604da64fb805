import type { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import {
  buildAgenticRagGraph,
  hybridRetriever,
  type AgenticRagDeps,
  type AgenticRagGraph,
} from '../../../../graphs/agentic-rag/index.js';
import { createAnswerCache, type AnswerCache } from '../../../../src/cache/index.js';
import { openCheckpointSaver } from '../../../../src/checkpoints/index.js';
import {
  createModelRegistry,
  parseModelsConfig,
  type ModelRegistry,
} from '../../../../src/models/index.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../../fake-llm/server.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';
import { HANDBOOK, seedCollection, type SeededCollection } from './seed-collection.js';

/** The fixed clock of graph tests. */
export const NOW = new Date('2026-01-01T00:00:00.000Z');

/** A remote chat entry on the fake server; retries off and a breaker that does not open. */
export function remote(fake: FakeLlmServer, id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    baseURL: fake.url,
    model: id,
    timeoutMs: 5000,
    firstTokenTimeoutMs: 2000,
    maxRetries: 0,
    breaker: { failureThreshold: 1000, cooldownMs: 60_000 },
    ...extra,
  };
}

/** Options of {@link GraphFixture.graph}. */
export interface GraphOptions {
  /** Remote chat entries; the local model is appended. Default: primary, secondary. */
  chat?: Record<string, unknown>[];
  /** Embedding entry. Default: the local hashing embedder. */
  embedding?: Record<string, unknown>;
  overrides?: Partial<Omit<AgenticRagDeps, 'router' | 'embedder' | 'checkpointer'>>;
}

/** One test file's database, fake model server, checkpoint saver, cache and seeded handbook. */
export interface GraphFixture {
  fake: FakeLlmServer;
  database: TestDatabase;
  pool: pg.Pool;
  saver: PostgresSaver;
  cache: AnswerCache;
  handbook: SeededCollection;
  /** A fresh registry (fresh breakers) and graph over it. */
  graph(options?: GraphOptions): { graph: AgenticRagGraph; registry: ModelRegistry };
  close(): Promise<void>;
}

function registryOf(fake: FakeLlmServer, options: GraphOptions): ModelRegistry {
  const chat = options.chat ?? [remote(fake, 'primary'), remote(fake, 'secondary')];
  const embedding = options.embedding ?? { id: 'emb', provider: 'local' };
  const parsed = parseModelsConfig({ chat, embedding }, {});
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return createModelRegistry(parsed.config, { backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
}

/** Opens everything a graph test needs; call `close()` after the file. */
export async function createGraphFixture(): Promise<GraphFixture> {
  const fake = await createFakeLlmServer();
  const database = await createTestDatabase();
  const pool = database.db.pool;
  const saver = await openCheckpointSaver(pool);
  const cache = createAnswerCache(pool);
  const registries: ModelRegistry[] = [];
  const handbook = await seedCollection(pool, registryOf(fake, {}).embedding, 'handbook', HANDBOOK);
  return {
    fake,
    database,
    pool,
    saver,
    cache,
    handbook,
    graph(options = {}) {
      const registry = registryOf(fake, options);
      registries.push(registry);
      const graph = buildAgenticRagGraph({
        router: registry.chat,
        embedder: registry.embedding,
        retrieve: hybridRetriever(pool, registry.embedding),
        cache,
        checkpointer: saver,
        now: () => NOW,
        ...options.overrides,
      });
      return { graph, registry };
    },
    async close() {
      await Promise.all(registries.map((registry) => registry.close()));
      await fake.close();
      await database.destroy();
    },
  };
}
