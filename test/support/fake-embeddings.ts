import { parseModelsConfig, type ModelsConfig } from '../../src/models/config.js';
import type { FakeLlmServer } from '../fake-llm/server.js';

/**
 * Models for ingestion tests: the local chat model, and embeddings from the fake
 * OpenAI-compatible server at `fakeUrl`, whose request log then shows every embedded text.
 * @param dimensions of the fake embeddings. Default: 32.
 */
export function fakeEmbeddingModels(fakeUrl: string, dimensions = 32): ModelsConfig {
  const parsed = parseModelsConfig(
    {
      chat: [{ id: 'local', provider: 'local' }],
      embedding: { id: 'emb', baseURL: fakeUrl, model: 'fake-embed', dimensions },
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.config;
}

/** Every text the fake server was asked to embed so far, in order. */
export function embeddedTexts(fake: FakeLlmServer): string[] {
  return fake.requests
    .filter((r) => r.path === '/v1/embeddings')
    .flatMap((r) => {
      const input = (r.body as { input: string | string[] }).input;
      return typeof input === 'string' ? [input] : input;
    });
}
