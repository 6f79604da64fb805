import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { call, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

const COOLDOWN_MS = 30_000;

describe('circuit breaker against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());

  it('opens after 5 consecutive failures, skips the model without a request, probes after the cool-down', async () => {
    fake.script('primary', { status: 503 });
    let now = Date.parse('2026-01-01T00:00:00Z');
    const registry = registryOf(
      [
        remoteEntry(fake, 'primary', { breaker: { failureThreshold: 5, cooldownMs: COOLDOWN_MS } }),
        remoteEntry(fake, 'secondary'),
      ],
      undefined,
      { now: () => now },
    );
    const primary = registry.chat.model('primary');
    const primaryStatus = () => registry.status().find((s) => s.id === 'primary');

    for (let attempt = 0; attempt < 5; attempt++) {
      expect(registry.chat.isOpen('primary')).toBe(false);
      expect((await call(primary)).error).toMatchObject({ failure: { code: 'HTTP_503' } });
    }
    expect(requestsFor(fake, 'primary')).toHaveLength(5);
    expect(registry.chat.isOpen('primary')).toBe(true);
    expect(registry.chat.availableModels()).toEqual(['secondary', 'local']);
    expect(primaryStatus()).toMatchObject({
      circuitState: 'OPEN',
      calls: 5,
      failures: 5,
      lastErrorCode: 'HTTP_503',
    });

    const skipped = await call(primary);
    expect(requestsFor(fake, 'primary')).toHaveLength(5);
    expect(skipped.error).toMatchObject({ failure: { code: 'CIRCUIT_OPEN' } });
    expect(skipped.attempts).toEqual([
      expect.objectContaining({ model: 'primary', outcome: 'skipped', reason: 'CIRCUIT_OPEN' }),
    ]);

    now += COOLDOWN_MS;
    expect(primaryStatus()?.circuitState).toBe('HALF_OPEN');
    fake.script('primary', { reply: 'Primary is back.' });
    expect((await call(primary)).text).toBe('Primary is back.');
    expect(requestsFor(fake, 'primary')).toHaveLength(6);
    expect(primaryStatus()?.circuitState).toBe('CLOSED');
  });
});
