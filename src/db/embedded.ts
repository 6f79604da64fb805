import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { applySessionSettings } from './session-settings.js';

/** Options of {@link openEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  /** Folder of the database files; created when missing. Ignored when `loadDataDir` is given. */
  dataDir?: string;
  /** A dump from `PGlite.dumpDataDir()` to start from (tests' template database). Default: none. */
  loadDataDir?: Blob | File;
  logger: Logger;
}

/**
 * Opens PGlite (Postgres compiled to WebAssembly, in-process) with pgvector, reached through
 * its node-postgres adapter so the rest of Ballast uses the same `pg` API as in server mode.
 */
export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<Database> {
  if (options.dataDir && !options.loadDataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : { dataDir: options.dataDir }),
    extensions: { vector },
  });
  const pool = new pg.Pool(createPgConfig(pglite));
  pool.on('error', (error) => options.logger.error({ err: error }, 'embedded pool error'));
  await applySessionSettings(pool);
  let closed = false;
  return {
    pool,
    mode: 'EMBEDDED',
    async close() {
      if (closed) return;
      closed = true;
      if (!pool.ended) await pool.end();
      await pglite.close();
    },
  };
}
