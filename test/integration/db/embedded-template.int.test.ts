import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEmbeddedTemplate } from '../../../src/app/write-embedded-template.js';
import type { Database } from '../../../src/db/database.js';
import { openEmbeddedDatabase } from '../../../src/db/embedded.js';
import { migrate, readMigrations, schemaVersion } from '../../../src/db/migrate.js';
import { silentLogger } from '../../../src/logger.js';

const WRITE_TEMPLATE_TIMEOUT_MS = 120_000;

/** Whether the database has the migrations' bookkeeping table yet. */
async function hasMigrationsTable(db: Database): Promise<boolean> {
  const found = await db.pool.query(
    `SELECT to_regclass('ballast_migrations') IS NOT NULL AS found`,
  );
  return (found.rows[0] as { found: boolean }).found;
}

// `npm run build` writes a migrated embedded database as an archive; a new data folder is
// unpacked from it instead of being created by initdb and migrated. Migrations still run on it
// afterwards, and without the archive a new folder is created the long way.
describe('the embedded template', () => {
  let dir: string;
  let templateFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-template-'));
    templateFile = path.join(dir, 'embedded-template.tgz');
    await writeEmbeddedTemplate(templateFile);
  }, WRITE_TEMPLATE_TIMEOUT_MS);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a new folder migrated, and the folder keeps its data as any other', async () => {
    const dataDir = path.join(dir, 'from-template');
    const latest = (await readMigrations()).length;
    const db = await openEmbeddedDatabase({ dataDir, templateFile, logger: silentLogger });
    try {
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(await schemaVersion(db.pool)).toBe(latest);
      expect(await migrate(db.pool)).toBe(latest);
      await db.pool.query(`INSERT INTO workspaces (id, name) VALUES (gen_random_uuid(), 'kept')`);
    } finally {
      await db.close();
    }

    // Opened again, the folder holds a database: the template is not unpacked over it.
    const reopened = await openEmbeddedDatabase({ dataDir, templateFile, logger: silentLogger });
    try {
      const kept = await reopened.pool.query(`SELECT 1 FROM workspaces WHERE name = 'kept'`);
      expect(kept.rowCount).toBe(1);
    } finally {
      await reopened.close();
    }
  });

  it('creates a new folder with initdb when the template is missing', async () => {
    const dataDir = path.join(dir, 'without-template');
    const missing = path.join(dir, 'no-such-template.tgz');
    const db = await openEmbeddedDatabase({ dataDir, templateFile: missing, logger: silentLogger });
    try {
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(await hasMigrationsTable(db)).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('unpacks again over a folder a killed start left half unpacked', async () => {
    const dataDir = path.join(dir, 'half-unpacked');
    mkdirSync(dataDir);
    // What a start killed mid-way leaves: some of the archive, never its PG_VERSION (last).
    await extract({
      file: templateFile,
      cwd: dataDir,
      filter: (entry) => entry.replace(/^[/.]+/, '').startsWith('global'),
    });
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    const db = await openEmbeddedDatabase({ dataDir, templateFile, logger: silentLogger });
    try {
      expect(await schemaVersion(db.pool)).toBe((await readMigrations()).length);
    } finally {
      await db.close();
    }
  });
});
