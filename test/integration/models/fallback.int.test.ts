import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, collect, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

describe('fallback along the chain (fake OpenAI server)', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('primary down → the fallback answers, after the primary’s retries', async () => {
    fake.script('primary', { status: 503 });
    fake.script('secondary', { reply: 'Answer from the secondary model.' });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { maxRetries: 2 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const { events, tokens, result } = await collect(registry.chat.stream(askRequest()));

    expect(result).toMatchObject({
      text: 'Answer from the secondary model.',
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    expect(tokens).toBe(result.text);
    expect(events.filter((e) => e.type === 'fallback')).toEqual([
      expect.objectContaining({
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'HTTP_503',
        restart: false,
      }),
    ]);
    expect(requestsFor(fake, 'primary')).toHaveLength(3);
    expect(result.attempts.map((a) => `${a.model}:${a.outcome}:${a.reason ?? ''}`)).toEqual([
      'primary:error:HTTP_503',
      'primary:error:HTTP_503',
      'primary:error:HTTP_503',
      'secondary:ok:',
    ]);
  });

  it('an unreachable primary fails over with CONNECTION', async () => {
    const registry = registryOf([
      { ...remoteEntry(fake, 'primary'), baseURL: 'http://127.0.0.1:9/v1' },
      remoteEntry(fake, 'secondary'),
    ]);
    const { result, events } = await collect(registry.chat.stream(askRequest()));
    expect(result.model).toBe('secondary');
    expect(events.find((e) => e.type === 'fallback')).toMatchObject({ reason: 'CONNECTION' });
  });

  it('never retries 401/403/404 and fails over at once', async () => {
    for (const status of [401, 403, 404]) {
      fake.reset();
      fake.script('primary', { status });
      const registry = registryOf([
        remoteEntry(fake, 'primary', { maxRetries: 3 }),
        remoteEntry(fake, 'secondary'),
      ]);
      const result = await registry.chat.generate(askRequest());
      expect(result.model).toBe('secondary');
      expect(requestsFor(fake, 'primary')).toHaveLength(1);
    }
  });

  it('a refusal is not retried; the next model answers', async () => {
    fake.script('primary', { refusal: 'I cannot help with that.' });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { maxRetries: 3 }),
      remoteEntry(fake, 'secondary'),
    ]);
    const result = await registry.chat.generate(askRequest());
    expect(result.model).toBe('secondary');
    expect(result.attempts[0]).toMatchObject({
      model: 'primary',
      outcome: 'error',
      reason: 'REFUSAL',
    });
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
  });

  it('every remote model down → the local model answers from the context', async () => {
    fake.script('primary', { status: 500 });
    fake.script('secondary', { status: 503 });
    const registry = registryOf([remoteEntry(fake, 'primary'), remoteEntry(fake, 'secondary')]);

    const { events, tokens, result } = await collect(registry.chat.stream(askRequest()));

    expect(result).toMatchObject({
      model: 'local',
      fallbackPath: ['primary', 'secondary', 'local'],
    });
    expect(result.text).toBe('The quick brown fox jumps over the lazy dog.');
    expect(tokens).toBe(result.text);
    expect(
      events.filter((e) => e.type === 'fallback').map((e) => e.type === 'fallback' && e.toModel),
    ).toEqual(['secondary', 'local']);
  });
});
