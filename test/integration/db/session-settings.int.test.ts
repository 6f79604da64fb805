import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSessionSettings, SESSION_EF_SEARCH } from '../../../src/db/session-settings.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`session settings (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('gives every session of the pool the search settings, so searches need no transaction', async () => {
    const pool = database.db.pool;
    expect(hasSessionSettings(pool)).toBe(true);
    // Several sessions at once on PostgreSQL (PGlite has one): each must have them.
    const sessions = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const client = await pool.connect();
        try {
          const { rows } = await client.query<{ ef: string; scan: string }>(
            `SELECT current_setting('hnsw.ef_search') AS ef,
                    current_setting('hnsw.iterative_scan') AS scan`,
          );
          return rows[0];
        } finally {
          client.release();
        }
      }),
    );
    for (const session of sessions) {
      expect(session).toEqual({ ef: String(SESSION_EF_SEARCH), scan: 'relaxed_order' });
    }
  });
});
