// Shared by the global setup (which builds the template once) and each test file (which
// clones it): the graphile-worker pattern, with PGlite's dump/load as the embedded twin.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
export const CACHE_DIR = fileURLToPath(new URL('../../.test-cache/', import.meta.url));

/** Changes whenever a migration changes, so stale templates are never reused. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  // pg-boss installs its schema into the template too: a new version must rebuild it.
  hash.update(readFileSync(new URL('../../node_modules/pg-boss/package.json', import.meta.url)));
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(readFileSync(MIGRATIONS_DIR + file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The real-PostgreSQL template database name for the current migrations. */
export function templateDatabaseName(): string {
  return `ballast_template_${migrationsHash()}`;
}

/** The PGlite dump file for the current migrations. */
export function pgliteTemplateFile(): string {
  return `${CACHE_DIR}pglite-template-${migrationsHash()}.tar.gz`;
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
