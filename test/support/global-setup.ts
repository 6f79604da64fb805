import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/database.js';
import { openCheckpointSaver } from '../../src/checkpoints/index.js';
import { createJobQueue } from '../../src/jobs/job-queue.js';
import { silentLogger } from '../../src/logger.js';
import { CACHE_DIR, pgliteTemplateFile, templateDatabaseName, withDatabase } from './template.js';

/**
 * Builds the migrated template once per run: a template database on the real PostgreSQL
 * when TEST_DATABASE_URL is set, otherwise a PGlite dump under .test-cache/ (reused while
 * the migrations are unchanged).
 */
export default async function setup(): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) await buildPostgresTemplate(url);
  else await buildPgliteTemplate();
}

async function buildPostgresTemplate(url: string): Promise<void> {
  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const found = await admin.query(
      'SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate',
      [name],
    );
    if (found.rowCount) return;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    // Two: the job queue holds one connection for its schema lock while pg-boss works on another.
    const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 2 });
    try {
      await prepareSchema(pool, 'POSTGRES');
    } finally {
      await pool.end();
    }
    await admin.query(`ALTER DATABASE ${name} WITH is_template true`);
  } finally {
    await admin.end();
  }
}

async function buildPgliteTemplate(): Promise<void> {
  const file = pgliteTemplateFile();
  if (existsSync(file)) return;
  await mkdir(CACHE_DIR, { recursive: true });
  const pglite = await PGlite.create({ extensions: { vector } });
  const pool = new pg.Pool(createPgConfig(pglite));
  await prepareSchema(pool, 'EMBEDDED');
  await pool.end();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
}

/** Application migrations plus pg-boss's own schema, so test files start ready to work. */
async function prepareSchema(pool: pg.Pool, mode: Database['mode']): Promise<void> {
  await migrate(pool);
  const db: Database = { pool, mode, close: async () => undefined };
  const queue = createJobQueue({ db, logger: silentLogger });
  await queue.start();
  await queue.stop();
  await openCheckpointSaver(pool);
}
