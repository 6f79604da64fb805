import type pg from 'pg';
import {
  buildAgenticRagGraph,
  hybridRetriever,
  type AgenticRagGraph,
} from '../../../../graphs/agentic-rag/index.js';
import { createAnswerCache } from '../../../../src/cache/index.js';
import { openCheckpointSaver } from '../../../../src/checkpoints/index.js';
import {
  createModelRegistry,
  parseModelsConfig,
  type ModelRegistry,
} from '../../../../src/models/index.js';

/**
 * The models of the crash test, all on one fake server so every call can be counted: chat
 * `primary` (then local) and a remote embedding model.
 */
export function remoteRegistry(fakeUrl: string): ModelRegistry {
  const parsed = parseModelsConfig(
    {
      chat: [{ id: 'primary', baseURL: fakeUrl, model: 'primary', maxRetries: 0 }],
      embedding: { id: 'emb', baseURL: fakeUrl, model: 'fake-embedding', dimensions: 32 },
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return createModelRegistry(parsed.config);
}

/** The full graph over {@link remoteRegistry}, hybrid search and the real saver and cache. */
export async function remoteGraph(
  pool: pg.Pool,
  registry: ModelRegistry,
): Promise<AgenticRagGraph> {
  return buildAgenticRagGraph({
    router: registry.chat,
    embedder: registry.embedding,
    retrieve: hybridRetriever(pool, registry.embedding),
    cache: createAnswerCache(pool),
    checkpointer: await openCheckpointSaver(pool),
  });
}
