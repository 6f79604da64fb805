import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

describe('retries against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());

  it('429 with Retry-After: 1 → retried after at least 1 s on the same model, which then answers', async () => {
    fake.script('primary', [{ status: 429, retryAfter: '1' }, { reply: 'Worth the wait.' }]);
    const registry = registryOf([
      remoteEntry(fake, 'primary', { maxRetries: 2 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const started = performance.now();
    const result = await registry.chat.generate(askRequest());
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({
      text: 'Worth the wait.',
      model: 'primary',
      fallbackPath: ['primary'],
    });
    const [first, second] = requestsFor(fake, 'primary');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(result.attempts.map((a) => [a.outcome, a.reason])).toEqual([
      ['error', 'HTTP_429'],
      ['ok', undefined],
    ]);
    expect(requestsFor(fake, 'secondary')).toHaveLength(0);
  });
});
