import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { call, outcomesOf, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

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

  it('a hanging model fails with TIMEOUT within its budget, retries included, aborting the request', async () => {
    fake.script('primary', { hang: true });
    const primary = registryOf([
      remoteEntry(fake, 'primary', { timeoutMs: TIMEOUT_MS, maxRetries: 2 }),
    ]).chat.model('primary');

    const { error, ms } = await call(primary);

    expect(error).toMatchObject({ code: 'TIMEOUT', failure: { code: 'TIMEOUT' } });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    // The timeout aborted the HTTP request: the fake saw the client go away.
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
  });

  it('a first token later than firstTokenTimeoutMs counts as a timeout and is retried', async () => {
    fake.script('primary', [{ firstTokenDelayMs: 2000 }, { reply: 'Second try.' }]);
    const primary = registryOf([
      remoteEntry(fake, 'primary', { firstTokenTimeoutMs: 150, maxRetries: 1 }),
    ]).chat.model('primary');

    const { text, attempts, ms } = await call(primary);

    expect(ms).toBeLessThan(150 + SLACK_MS + 200);
    expect(text).toBe('Second try.');
    expect(outcomesOf(attempts)).toEqual(['primary:error:TIMEOUT', 'primary:ok:']);
  });

  it('a stream that goes silent after it started fails with STREAM_STALL, not retried', async () => {
    fake.script('primary', { reply: 'one two three four five six', hangAfterTokens: 3 });
    const primary = registryOf([
      remoteEntry(fake, 'primary', {
        firstTokenTimeoutMs: 1000,
        stallTimeoutMs: 150,
        maxRetries: 2,
      }),
    ]).chat.model('primary');

    const { error, ms } = await call(primary);

    expect(error).toMatchObject({
      failure: { code: 'STREAM_STALL' },
      partialText: 'one two three ',
    });
    expect(ms).toBeLessThan(150 + SLACK_MS);
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
  });

  it('a stream cut after it started fails with STREAM_CUT and the text so far, not retried', async () => {
    fake.script('primary', { reply: 'The fox jumps over the lazy dog.', cutAfterTokens: 5 });
    const primary = registryOf([remoteEntry(fake, 'primary', { maxRetries: 2 })]).chat.model(
      'primary',
    );

    const { error } = await call(primary);

    expect(error).toMatchObject({
      failure: { code: 'STREAM_CUT' },
      partialText: 'The fox jumps over the ',
    });
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
  });
});
