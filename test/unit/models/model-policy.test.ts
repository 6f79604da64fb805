import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { ModelCallError, ProviderHttpError, failureOf } from '../../../src/models/failures.js';
import {
  ModelPolicy,
  type ModelPolicyOptions,
} from '../../../src/models/resilience/model-policy.js';
import type { ModelAttempt } from '../../../src/models/types.js';

const policyOf = (overrides: Partial<ModelPolicyOptions> = {}): ModelPolicy =>
  new ModelPolicy({
    id: 'm',
    timeoutMs: 2000,
    maxRetries: 2,
    breaker: { failureThreshold: 3, cooldownMs: 150 },
    backoff: { initialDelayMs: 1, maxDelayMs: 2 },
    logger: silentLogger,
    ...overrides,
  });
const http = (status: number, headers: Record<string, string> = {}) =>
  new ProviderHttpError(status, new Headers(headers));

/** Runs `fail` under the policy; returns the attempts and how many times it ran. */
async function run(policy: ModelPolicy, fail: () => unknown) {
  const attempts: ModelAttempt[] = [];
  let calls = 0;
  const error = await policy
    .execute(
      async () => {
        calls += 1;
        throw fail();
      },
      { onAttempt: (attempt) => attempts.push(attempt) },
    )
    .catch((e: unknown) => e as ModelCallError);
  return { error, attempts, calls };
}

describe('ModelPolicy', () => {
  it('retries retryable failures up to maxRetries and reports each attempt', async () => {
    const { error, attempts, calls } = await run(policyOf(), () => http(503));
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.failure.code).toBe('HTTP_503');
    expect(attempts.map((a) => [a.outcome, a.reason])).toEqual(
      Array(3).fill(['error', 'HTTP_503']),
    );
  });

  it('succeeds on a later attempt', async () => {
    let calls = 0;
    const value = await policyOf().execute(async () => {
      calls += 1;
      if (calls < 3) throw http(500);
      return 'ok';
    });
    expect([value, calls]).toEqual(['ok', 3]);
  });

  it('never retries 400, 401, 403, 404 or a refusal', async () => {
    for (const fail of [
      () => http(400),
      () => http(401),
      () => http(403),
      () => http(404),
      () => new ModelCallError('m', failureOf('REFUSAL')),
    ]) {
      const { calls } = await run(policyOf(), fail);
      expect(calls).toBe(1);
    }
  });

  it('gives up at once when Retry-After exceeds the cap', async () => {
    const { calls, error } = await run(policyOf({ retryAfterCapMs: 500 }), () =>
      http(429, { 'retry-after': '5' }),
    );
    expect(calls).toBe(1);
    expect(error.failure.code).toBe('HTTP_429');
  });

  it('opens after consecutive failures, skips without calling, probes after the cool-down', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const policy = policyOf({ maxRetries: 0, now: () => now });
    for (let i = 0; i < 3; i++) await run(policy, () => http(503));
    expect(policy.circuitState()).toBe('OPEN');

    const skipped = await run(policy, () => http(503));
    expect(skipped.calls).toBe(0);
    expect(skipped.error.failure.code).toBe('CIRCUIT_OPEN');
    expect(skipped.attempts).toEqual([
      expect.objectContaining({ outcome: 'skipped', reason: 'CIRCUIT_OPEN' }),
    ]);

    now += 149;
    expect(policy.circuitState()).toBe('OPEN');
    expect((await run(policy, () => http(503))).calls).toBe(0);
    now += 1;
    expect(policy.circuitState()).toBe('HALF_OPEN');
    expect(policy.isOpen()).toBe(false);
    const failedProbe = await run(policy, () => http(503));
    expect(failedProbe.calls).toBe(1);
    expect(policy.circuitState()).toBe('OPEN');

    now += 150;
    await expect(policy.execute(async () => 'probe ok')).resolves.toBe('probe ok');
    expect(policy.circuitState()).toBe('CLOSED');
  });

  it('lets one probe through at a time while half-open', async () => {
    let now = 0;
    const policy = policyOf({ maxRetries: 0, now: () => now });
    for (let i = 0; i < 3; i++) await run(policy, () => http(503));
    now += 150;
    let release: (value: string) => void = () => undefined;
    const probe = policy.execute(() => new Promise<string>((resolve) => (release = resolve)));
    expect(policy.isOpen()).toBe(true);
    expect((await run(policy, () => http(503))).error.failure.code).toBe('CIRCUIT_OPEN');
    release('probe ok');
    await expect(probe).resolves.toBe('probe ok');
    expect(policy.circuitState()).toBe('CLOSED');
  });

  it('does not count request-specific failures towards the breaker', async () => {
    const policy = policyOf({ maxRetries: 0 });
    for (let i = 0; i < 5; i++) await run(policy, () => http(400));
    expect(policy.circuitState()).toBe('CLOSED');
  });

  it('times out a hanging call, aborting the signal it was given', async () => {
    let seen: AbortSignal | undefined;
    const started = performance.now();
    const error = await policyOf({ timeoutMs: 100, maxRetries: 0 })
      .execute<never>(({ signal }) => {
        seen = signal;
        return new Promise<never>(() => {});
      })
      .catch((e: unknown) => e as ModelCallError);
    const elapsed = performance.now() - started;
    expect(error.failure.code).toBe('TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(300);
    expect(seen?.aborted).toBe(true);
  });

  it('turns a caller abort into CANCELLED without counting a failure', async () => {
    const policy = policyOf({ maxRetries: 0, breaker: { failureThreshold: 1, cooldownMs: 1000 } });
    const controller = new AbortController();
    const pending = policy.execute(
      ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      {
        signal: controller.signal,
      },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(policy.circuitState()).toBe('CLOSED');
    expect(policy.snapshot()).toMatchObject({ calls: 0, failures: 0 });
  });
});
