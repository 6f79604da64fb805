import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../../src/db/connection-errors.js';
import { withTransaction } from '../../../src/db/database.js';
import {
  createTestDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';

// A client checked out of the pool has no error listener of the pool's (pg-pool removes it):
// when its connection dies between two statements of a transaction (a database restart, a
// network cut) the 'error' event had no listener and took the whole process down. It must
// reach the transaction as its next statement's failure instead, and the pool must go on.
describe.runIf(TEST_DATABASE_URL)('a connection lost inside a transaction', () => {
  let database: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await database?.destroy();
  });

  it('fails that transaction as DATABASE_UNAVAILABLE, not the process', async () => {
    const failure = await withTransaction(database.db.pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // No statement is running while the server closes the connection.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query('SELECT 1');
    }).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);
    const after = await database.db.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});
