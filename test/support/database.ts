import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { openEmbeddedDatabase } from '../../src/db/embedded.js';
import { openPostgresDatabase } from '../../src/db/postgres.js';
import { silentLogger } from '../../src/logger.js';
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from './template.js';

/** A migrated database of its own for one test file. */
export interface TestDatabase {
  db: Database;
  /** The real PostgreSQL URL of this database; undefined in embedded mode. */
  url: string | undefined;
  /** Closes and (on PostgreSQL) drops the database. */
  destroy(): Promise<void>;
}

/** The real PostgreSQL to test against, or undefined for embedded PGlite. */
export const TEST_DATABASE_URL: string | undefined = process.env['TEST_DATABASE_URL'];

/** Which mode this run tests, for test names. */
export const TEST_DATABASE_MODE = TEST_DATABASE_URL ? 'POSTGRES' : 'EMBEDDED';

/**
 * Clones the migrated template (about 0.1 s on PostgreSQL, under 1 s for PGlite) so each
 * test file starts from a fresh, isolated database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const dump = new Blob([await readFile(pgliteTemplateFile())]);
    const db = await openEmbeddedDatabase({ loadDataDir: dump, logger: silentLogger });
    return { db, url: undefined, destroy: () => db.close() };
  }
  const name = `ballast_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  const url = withDatabase(TEST_DATABASE_URL, name);
  const db = await openPostgresDatabase({ url, max: 5, logger: silentLogger });
  return {
    db,
    url,
    async destroy() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Creates an empty (unmigrated) PostgreSQL database; needs TEST_DATABASE_URL. */
export async function createEmptyPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is required');
  const name = `ballast_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
