import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

const COOLDOWN_MS = 400;

describe('circuit breaker against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());

  it('opens after 5 consecutive failures, skips the model without a request, probes after the cool-down', async () => {
    fake.script('primary', { status: 503 });
    fake.script('secondary', { reply: 'Secondary answer.' });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { breaker: { failureThreshold: 5, cooldownMs: COOLDOWN_MS } }),
      remoteEntry(fake, 'secondary'),
    ]);
    const primaryStatus = () => registry.status().find((s) => s.id === 'primary');

    for (let call = 0; call < 5; call++) {
      expect(registry.chat.isOpen('primary')).toBe(false);
      expect((await registry.chat.generate(askRequest())).model).toBe('secondary');
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

    const skipped = await registry.chat.generate(askRequest());
    expect(requestsFor(fake, 'primary')).toHaveLength(5);
    expect(skipped.model).toBe('secondary');
    expect(skipped.attempts[0]).toMatchObject({
      model: 'primary',
      outcome: 'skipped',
      reason: 'CIRCUIT_OPEN',
    });

    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 50));
    expect(primaryStatus()?.circuitState).toBe('HALF_OPEN');
    fake.script('primary', { reply: 'Primary is back.' });
    const probe = await registry.chat.generate(askRequest());
    expect(probe).toMatchObject({ model: 'primary', text: 'Primary is back.' });
    expect(requestsFor(fake, 'primary')).toHaveLength(6);
    expect(primaryStatus()?.circuitState).toBe('CLOSED');
  });
});
