import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, collect, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

// The bound is "timeout + 50 ms". Timers on a loaded CI machine slip, so the assertions
// allow timeout + 250 ms — still far below a second timeout period, which a retry or a missed
// abort would cost. The bench measures the real overhead.
const TIMEOUT_MS = 300;
const SLACK_MS = 250;

describe('timeouts against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('a hanging primary times out and the fallback answers within the bound', async () => {
    fake.script('primary', { hang: true });
    fake.script('secondary', { reply: 'Fast answer.' });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { timeoutMs: TIMEOUT_MS, maxRetries: 2 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const { events, result } = await collect(registry.chat.stream(askRequest()));

    const fallback = events.find((e) => e.type === 'fallback');
    expect(fallback).toMatchObject({ fromModel: 'primary', reason: 'TIMEOUT' });
    expect(fallback!.atMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(fallback!.atMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(events.at(-1)!.atMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(result.model).toBe('secondary');
    // The timeout aborted the HTTP request: the fake saw the client go away.
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
  });

  it('a first token later than firstTokenTimeoutMs counts as a timeout and is retried', async () => {
    fake.script('primary', [{ firstTokenDelayMs: 2000 }, { reply: 'Second try.' }]);
    const registry = registryOf([
      remoteEntry(fake, 'primary', { firstTokenTimeoutMs: 150, maxRetries: 1 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const started = performance.now();
    const result = await registry.chat.generate(askRequest());

    expect(performance.now() - started).toBeLessThan(150 + SLACK_MS + 200);
    expect(result).toMatchObject({ text: 'Second try.', model: 'primary' });
    expect(result.attempts.map((a) => a.reason ?? 'ok')).toEqual(['TIMEOUT', 'ok']);
  });
});
