import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';

/** The folder of numbered plain-SQL migrations. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

// Arbitrary but fixed: every Ballast process contends for the same lock.
const MIGRATION_LOCK_ID = 0x62616c6c; // "ball"

/** One migration file: `000001_name.sql` → version 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `migrations/NNNNNN_name.sql` in version order; rejects gaps and duplicates. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{6})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file name must be NNNNNN_name.sql: ${file}`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      throw new Error(`migration ${file} breaks the sequence (expected ${migrations.length + 1})`);
    }
    migrations.push({ version, name: match[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') });
  }
  return migrations;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Default: the project's `migrations/` folder. */
  dir?: string;
  /** Default: a silent logger. */
  logger?: Logger;
}

/**
 * Applies pending migrations, forward only, each in its own transaction and recorded in
 * `ballast_migrations`. Runs under a session advisory lock, so processes starting at the
 * same instant apply each migration exactly once.
 * @returns the schema version after migrating.
 */
export async function migrate(pool: pg.Pool, options: MigrateOptions = {}): Promise<number> {
  const logger = options.logger ?? silentLogger;
  const migrations = await readMigrations(options.dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS ballast_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await client.query<{ version: number }>(
      'SELECT version FROM ballast_migrations ORDER BY version',
    );
    const done = new Set(applied.rows.map((r) => r.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO ballast_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.version}_${migration.name} failed`, {
          cause: error,
        });
      }
      logger.info({ version: migration.version, name: migration.name }, 'migration applied');
    }
    return migrations.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

/** The highest applied migration version, or 0 on an empty database. */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ballast_migrations`,
  );
  return result.rows[0]?.version ?? 0;
}
