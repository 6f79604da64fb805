import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { EmbeddedDatabaseError } from './embedded-errors.js';
import { startEmbeddedHost } from './embedded-host.js';
import { EMBEDDED_TEMPLATE_FILE } from './embedded-template-file.js';
import { applySessionSettings } from './session-settings.js';

/** Options of {@link openEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  /**
   * Folder of the database files, created when missing and locked while open; `memory://` for
   * a database in memory. Default: in memory. Ignored when `loadDataDir` is given.
   */
  dataDir?: string;
  /** A dump from `PGlite.dumpDataDir()` to start from instead (tests' template database). */
  loadDataDir?: Blob | File;
  /**
   * A `PGlite.dumpDataDir()` archive file that a `dataDir` holding no database yet starts from,
   * instead of initdb; migrations run on it afterwards as on any database. When the file is
   * missing, initdb creates the database. Default: the template `npm run build` writes
   * (`dist/embedded-template.tgz`, see `EMBEDDED_TEMPLATE_FILE`).
   */
  templateFile?: string;
  logger: Logger;
  /**
   * Called once when the database fails while open (PGlite aborted, its thread died, the
   * folder's lock was lost): nothing can be stored any more. Default: log one JSON line at
   * `fatal` and exit the process with code 1.
   */
  onFailure?: (error: EmbeddedDatabaseError) => void;
}

/**
 * Opens PGlite (Postgres compiled to WebAssembly) with pgvector in a worker thread, reached
 * with `pg` over a Unix socket, so the server's event loop never runs a statement and the rest
 * of Ballast uses the same `pg` API as in server mode. Takes the folder's lock first.
 * @throws DataDirLockedError when another process holds the folder.
 * @throws EmbeddedDatabaseError when PGlite cannot start.
 */
export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<Database> {
  const { logger } = options;
  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
  const dataDir = options.loadDataDir || inMemory ? undefined : path.resolve(options.dataDir!);
  const onFailure = options.onFailure ?? exitOnFailure(logger);
  let failed = false;
  const fail = (error: EmbeddedDatabaseError) => {
    if (failed) return;
    failed = true;
    onFailure(error);
  };

  let lock: DataDirLock | undefined;
  if (dataDir) {
    lock = await lockDataDir(dataDir, {
      onCompromised: (error) =>
        fail(
          new EmbeddedDatabaseError(
            `The lock of the data folder ${dataDir} was lost (${error.message}): another process may open it`,
            dataDir,
          ),
        ),
    });
  }
  let host;
  try {
    host = await startEmbeddedHost({
      ...(options.loadDataDir
        ? { loadDataDir: await options.loadDataDir.arrayBuffer() }
        : { dataDir: dataDir ?? 'memory://' }),
      templateFile: options.templateFile ?? EMBEDDED_TEMPLATE_FILE,
      onFailure: fail,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }

  // One connection: PGlite has one session, which every statement and transaction shares; the
  // code relies on it (src/db/database.ts). The socket server would interleave the messages of
  // two connections outside a transaction, so unnamed statements of one would bind the other's.
  const pool = new pg.Pool({
    host: host.socketDir,
    port: host.port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    // Reconnecting costs a startup exchange; the one connection is kept for good.
    idleTimeoutMillis: 0,
  });
  pool.on('error', (error) => logger.error({ err: error }, 'embedded pool error'));
  // As in postgres.ts: a checked-out client's connection error reaches its holder as the
  // failure of its next statement, instead of ending the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await applySessionSettings(pool);
  } catch (error) {
    await pool.end();
    await host.close();
    await lock?.release();
    throw error;
  }
  let closed = false;
  return {
    pool,
    mode: 'EMBEDDED',
    async close() {
      if (closed) return;
      closed = true;
      if (!pool.ended) await pool.end();
      await host.close();
      await lock?.release();
    },
  };
}

/** The default {@link EmbeddedDatabaseOptions.onFailure}: one JSON line, then exit 1. */
function exitOnFailure(logger: Logger): (error: EmbeddedDatabaseError) => void {
  return (error) => {
    logger.fatal(
      { dataDir: error.dataDir, output: error.output || undefined },
      `${error.message}; stopping`,
    );
    process.exit(1);
  };
}
