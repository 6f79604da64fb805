import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { prepareSchema } from '../../src/app/prepare-schema.js';
import { writeEmbeddedTemplate } from '../../src/app/write-embedded-template.js';
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
      await prepareSchema({ pool, mode: 'POSTGRES', close: async () => undefined });
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
  await writeEmbeddedTemplate(file);
}
