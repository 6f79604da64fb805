import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { call, outcomesOf, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

describe('retries of one model against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const primary = (overrides: Record<string, unknown> = {}) =>
    registryOf([remoteEntry(fake, 'primary', overrides)]).chat.model('primary');

  it('429 with Retry-After: 1 → retried after at least 1 s on the same model, which then answers', async () => {
    fake.script('primary', [{ status: 429, retryAfter: '1' }, { reply: 'Worth the wait.' }]);

    const { text, attempts, ms } = await call(primary({ maxRetries: 2 }));

    expect(text).toBe('Worth the wait.');
    const [first, second] = requestsFor(fake, 'primary');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(outcomesOf(attempts)).toEqual(['primary:error:HTTP_429', 'primary:ok:']);
  });

  it('a model that stays down fails with its reason after its retries, each one an attempt', async () => {
    fake.script('primary', { status: 503 });

    const { error, attempts } = await call(primary({ maxRetries: 2 }));

    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', failure: { code: 'HTTP_503' } });
    expect(requestsFor(fake, 'primary')).toHaveLength(3);
    expect(outcomesOf(attempts)).toEqual(Array(3).fill('primary:error:HTTP_503'));
  });

  it('an unreachable model fails with CONNECTION', async () => {
    const model = registryOf([
      { ...remoteEntry(fake, 'primary'), baseURL: 'http://127.0.0.1:9/v1' },
    ]).chat.model('primary');
    expect((await call(model)).error).toMatchObject({ failure: { code: 'CONNECTION' } });
  });

  it('never retries 401/403/404', async () => {
    for (const status of [401, 403, 404]) {
      fake.reset();
      fake.script('primary', { status });
      const { error } = await call(primary({ maxRetries: 3 }));
      expect(error).toMatchObject({ failure: { code: `HTTP_${status}` } });
      expect(requestsFor(fake, 'primary')).toHaveLength(1);
    }
  });

  it('never retries a refusal', async () => {
    fake.script('primary', { refusal: 'I cannot help with that.' });
    const { error, attempts } = await call(primary({ maxRetries: 3 }));
    expect(error).toMatchObject({ failure: { code: 'REFUSAL' } });
    expect(outcomesOf(attempts)).toEqual(['primary:error:REFUSAL']);
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
  });
});
