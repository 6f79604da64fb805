import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../src/db/migrate.js';
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/database.js';

describe(`migrations (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('records every migration once and is a no-op when re-run', async () => {
    const expected = (await readMigrations()).length;
    expect(await migrate(database.db.pool)).toBe(expected);
    const rows = await database.db.pool.query('SELECT version FROM ballast_migrations ORDER BY 1');
    expect(rows.rows.map((r: { version: number }) => r.version)).toEqual(
      Array.from({ length: expected }, (_, i) => i + 1),
    );
  });

  it('creates the vector extension and the default workspace', async () => {
    const ext = await database.db.pool.query(
      "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
    );
    expect(ext.rowCount).toBe(1);
    const ws = await database.db.pool.query('SELECT name FROM workspaces');
    expect(ws.rows).toEqual([{ name: 'default' }]);
  });

  it('rolls back a failing migration and reports which one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ballast-migrations-'));
    for (const m of await readMigrations()) {
      writeFileSync(path.join(dir, `${String(m.version).padStart(6, '0')}_${m.name}.sql`), m.sql);
    }
    const next = String((await readMigrations()).length + 1).padStart(6, '0');
    writeFileSync(
      path.join(dir, `${next}_broken.sql`),
      'CREATE TABLE half_done (id int); SELECT no_such_function();',
    );
    await expect(migrate(database.db.pool, { dir })).rejects.toThrow(
      `migration ${Number(next)}_broken failed`,
    );
    const table = await database.db.pool.query("SELECT to_regclass('half_done') AS t");
    expect(table.rows[0].t).toBeNull();
  });

  it('rejects a gap in the numbering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ballast-migrations-'));
    writeFileSync(path.join(dir, '000001_a.sql'), 'SELECT 1');
    writeFileSync(path.join(dir, '000003_c.sql'), 'SELECT 1');
    await expect(readMigrations(dir)).rejects.toThrow(/breaks the sequence/);
  });
});

describe.runIf(TEST_DATABASE_URL)('concurrent migration on real PostgreSQL', () => {
  it('applies each migration exactly once when many processes race on an empty database', async () => {
    const empty = await createEmptyPostgresDatabase();
    const pools = Array.from(
      { length: 4 },
      () => new pg.Pool({ connectionString: empty.url, max: 1 }),
    );
    try {
      const versions = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(new Set(versions).size).toBe(1);
      const rows = await pools[0]!.query(
        'SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM ballast_migrations',
      );
      expect(rows.rows[0]).toEqual({ n: versions[0], d: versions[0] });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await empty.drop();
    }
  });
});
