import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeVector } from '../../fake-llm/embeddings.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { registryOf, remoteEntry, requestsFor } from './fake-chain.js';

describe('remote embeddings against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const embeddingEntry = (overrides: Record<string, unknown> = {}) => ({
    id: 'emb',
    baseURL: fake.url,
    model: 'embedder',
    dimensions: 12,
    batchSize: 2,
    maxRetries: 1,
    ...overrides,
  });

  it('batches texts and returns vectors in input order', async () => {
    const registry = registryOf([remoteEntry(fake, 'primary')], embeddingEntry());
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

    const vectors = await registry.embedding.embed(texts);

    expect(vectors).toEqual(texts.map((text) => fakeVector(text, 12)));
    const sent = requestsFor(fake, 'embedder').map(
      (r) => r.body as { input: string[]; dimensions: number },
    );
    expect(sent.map((body) => body.input)).toEqual([
      ['alpha', 'beta'],
      ['gamma', 'delta'],
      ['epsilon'],
    ]);
    expect(sent.every((body) => body.dimensions === 12)).toBe(true);
  });

  it('retries a 503 and reports status as an EMBEDDING model', async () => {
    fake.script('embedder', [{ status: 503 }, {}]);
    const registry = registryOf([remoteEntry(fake, 'primary')], embeddingEntry());

    await expect(registry.embedding.embed(['x'])).resolves.toHaveLength(1);

    expect(requestsFor(fake, 'embedder')).toHaveLength(2);
    expect(registry.status().at(-1)).toMatchObject({
      id: 'emb',
      role: 'EMBEDDING',
      provider: 'openai',
      model: 'embedder',
      calls: 2,
      failures: 1,
      lastErrorCode: 'HTTP_503',
    });
  });

  it('rejects vectors of the wrong size as invalid output, without retrying', async () => {
    fake.script('embedder', { embeddingDimensions: 3 });
    const registry = registryOf([remoteEntry(fake, 'primary')], embeddingEntry({ maxRetries: 3 }));

    await expect(registry.embedding.embed(['x'])).rejects.toMatchObject({
      code: 'INVALID_MODEL_OUTPUT',
      details: { model: 'emb', reason: 'INVALID_OUTPUT' },
    });
    expect(requestsFor(fake, 'embedder')).toHaveLength(1);
  });
});
