import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../../src/db/embedded.js';
import { EmbeddedDatabaseError } from '../../../src/db/embedded-errors.js';
import { silentLogger } from '../../../src/logger.js';

const unexpectedFailure = (error: EmbeddedDatabaseError) => {
  throw error;
};

/** The longest pause of this thread's event loop while `work` runs, sampled every 5 ms. */
async function longestPause(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

// PGlite runs in a worker thread behind a Unix socket: its statements never pause the
// caller's event loop, and its failures are one clear error instead of WebAssembly output.
describe('the embedded database host', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-embedded-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the caller's event loop free while a statement runs", async () => {
    const db = await openEmbeddedDatabase({ logger: silentLogger, onFailure: unexpectedFailure });
    try {
      let took = 0;
      const pause = await longestPause(async () => {
        const started = performance.now();
        await db.pool.query('SELECT count(*) FROM generate_series(1, 3000000)');
        took = performance.now() - started;
      });
      expect(took).toBeGreaterThan(200);
      expect(pause, `statement ${took.toFixed(0)} ms`).toBeLessThan(150);
    } finally {
      await db.close();
    }
  });

  it('fails to open a damaged folder with one line naming it, then frees the folder', async () => {
    const dataDir = path.join(dir, 'damaged');
    const db = await openEmbeddedDatabase({ dataDir, logger: silentLogger });
    await db.pool.query('CREATE TABLE kept (id int)');
    await db.close();
    rmSync(path.join(dataDir, 'global', 'pg_control'));

    const error = await openEmbeddedDatabase({ dataDir, logger: silentLogger }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    const failure = error as EmbeddedDatabaseError;
    expect(failure.code).toBe('EMBEDDED_DATABASE_FAILED');
    expect(failure.message).not.toContain('\n');
    expect(failure.message).toContain(`The embedded database in ${dataDir} could not start`);
    expect(failure.message).toContain('global/pg_control');
    // PGlite's own words are kept for the log line, short: never its WebAssembly dump.
    expect(failure.output).toContain('Aborted');
    expect(failure.output.length).toBeLessThanOrEqual(2_000);
    expect(existsSync(path.join(dataDir, 'ballast.lock'))).toBe(false);
  });
});
