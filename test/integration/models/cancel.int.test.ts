import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

describe('caller cancellation against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('aborting mid-stream ends with CANCELLED, aborts the request and is not retried', async () => {
    fake.script('primary', { reply: 'one two three four five six seven eight', tokenDelayMs: 100 });
    const primary = registryOf([remoteEntry(fake, 'primary', { maxRetries: 2 })]).chat.model(
      'primary',
    );
    const controller = new AbortController();

    const consume = async () => {
      for await (const event of primary.stream(askRequest({ signal: controller.signal }))) {
        if (event.type === 'token') controller.abort();
      }
    };

    await expect(consume()).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
  });

  it('aborting while the provider hangs cancels at once, without counting a failure', async () => {
    fake.script('primary', { hang: true });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { breaker: { failureThreshold: 1, cooldownMs: 60_000 } }),
    ]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = performance.now();
    await expect(
      registry.chat.model('primary').generate(askRequest({ signal: controller.signal })),
    ).rejects.toMatchObject({ code: 'CANCELLED' });

    expect(performance.now() - started).toBeLessThan(500);
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
    expect(registry.chat.isOpen('primary')).toBe(false);
  });

  it('closing the registry cancels calls in flight', async () => {
    fake.script('primary', { hang: true });
    const registry = registryOf([remoteEntry(fake, 'primary')]);
    const pending = registry.chat.model('primary').generate(askRequest());
    await expect.poll(() => requestsFor(fake, 'primary').length).toBe(1);
    await registry.close();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
