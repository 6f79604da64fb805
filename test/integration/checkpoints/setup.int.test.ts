import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_SCHEMA,
  checkpointSchemaName,
  openCheckpointSaver,
} from '../../../src/checkpoints/index.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`checkpoint saver setup (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('creates its tables in their own schema, once, however many processes start together', async () => {
    await Promise.all(Array.from({ length: 4 }, () => openCheckpointSaver(database.db.pool)));

    const tables = await database.db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
      [CHECKPOINT_SCHEMA],
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'checkpoint_blobs',
      'checkpoint_migrations',
      'checkpoint_writes',
      'checkpoints',
    ]);
    const applied = await database.db.pool.query<{ n: number; distinct_n: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT v)::int AS distinct_n
       FROM ${CHECKPOINT_SCHEMA}.checkpoint_migrations`,
    );
    expect(applied.rows[0]!.n).toBe(applied.rows[0]!.distinct_n);
  });

  it('leaves the pool usable: the lock holder’s connection is released', async () => {
    await openCheckpointSaver(database.db.pool);
    const idle = await database.db.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(idle.rows).toEqual([{ one: 1 }]);
  });

  it('accepts only plain identifiers as schema names', () => {
    expect(checkpointSchemaName('tenant_a')).toBe('tenant_a');
    expect(() => checkpointSchemaName('x"; DROP TABLE chunks; --')).toThrow(RangeError);
  });
});
