import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { waitForDatabase } from '../../../src/db/wait-for-database.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A pool whose database is never there. */
const refusing = {
  query: () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
};

describe('waitForDatabase', () => {
  it('gives up after timeoutMs even when garbage is collected while it waits', async () => {
    const started = performance.now();
    const waiting = waitForDatabase(refusing as never, {
      timeoutMs: 300,
      initialDelayMs: 20,
      maxDelayMs: 40,
    });
    // On Node 20 an AbortSignal.timeout referenced only by AbortSignal.any is collected, and
    // its deadline with it: the wait then probes forever.
    const collector = setInterval(collectGarbage, 10);
    let deadline: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        waiting,
        new Promise<'still waiting'>((resolve) => {
          deadline = setTimeout(() => resolve('still waiting'), 5_000);
        }),
      ]);
      expect(outcome).toBe(false);
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      clearInterval(collector);
      clearTimeout(deadline);
    }
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const waiting = waitForDatabase(refusing as never, {
      signal: controller.signal,
      initialDelayMs: 20,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(waiting).resolves.toBe(false);
  });
});
