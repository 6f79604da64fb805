import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vectorArrayParam, vectorTypeOid } from '../../../src/db/vector-array.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`vector[] as a binary parameter (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('arrives as the same vectors, rounded to 4-byte floats, in order', async () => {
    const pool = database.db.pool;
    const vectors = [
      [0.1, -0.25, 1 / 3],
      [1e-8, 123456.789, -0],
    ];
    const result = await pool.query<{ first: number[]; second: number[]; n: number }>(
      `SELECT ($1::vector[])[1]::real[] AS first, ($1::vector[])[2]::real[] AS second,
              cardinality($1::vector[]) AS n`,
      [vectorArrayParam(vectors, 3, await vectorTypeOid(pool))],
    );
    const row = result.rows[0]!;
    expect(row.n).toBe(2);
    // PostgreSQL prints the shortest decimal that reads back as the same 4-byte float.
    expect(row.first.map(Math.fround)).toEqual(vectors[0]!.map(Math.fround));
    expect(row.second.map(Math.fround)).toEqual(vectors[1]!.map(Math.fround));
  });

  it('refuses a vector of another length before anything is sent', () => {
    expect(() =>
      vectorArrayParam(
        [
          [1, 2, 3],
          [1, 2],
        ],
        3,
        1,
      ),
    ).toThrow(RangeError);
  });
});
