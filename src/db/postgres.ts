import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { markSessionSettings, sessionStartupOptions } from './session-settings.js';
import { waitForDatabase } from './wait-for-database.js';
import { CONNECT_TIMEOUT_MS, DatabaseConnectError, errorCode } from './connect-failure.js';

/** How long {@link openPostgresDatabase} waits for a database that is not there yet, by default. */
export const DEFAULT_STARTUP_WAIT_MS = 5_000;

/** Options of {@link openPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  url: string;
  /** Pool size. Default: 10. */
  max?: number;
  logger: Logger;
  /**
   * How long to keep probing, with capped exponential backoff, a database that cannot be reached
   * yet (connection refused, host not found, starting up), as when it starts beside Ballast. A
   * database that answers with an error (no such database, wrong password) fails at once. A probe
   * in flight when it passes may add up to 5 s (the connection timeout), so a refused start ends
   * within 10 s. Default: {@link DEFAULT_STARTUP_WAIT_MS} (5 s).
   */
  startupWaitMs?: number;
}

/**
 * Opens a `pg` pool on a real PostgreSQL (≥ 15, with pgvector available), once it answers.
 * @throws {DatabaseConnectError} when it does not answer within `startupWaitMs` or refuses us.
 */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: 'ballast',
    options: sessionStartupOptions(),
    // Without these a connection to a host that stopped answering waits for the kernel's TCP
    // timeout (minutes): health, rate limits and paused runs need an answer in seconds.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  markSessionSettings(pool);
  // An idle client's error (server restart, network cut) would crash the process otherwise.
  pool.on('error', (error) => options.logger.error({ err: error }, 'postgres pool error'));
  // pg-pool listens for errors only while a client is idle: a checked-out client whose
  // connection dies between two statements would emit 'error' to nobody and end the process.
  // The error reaches its holder anyway, as the failure of its next statement.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let lastFailure: unknown;
  // The wait's own timers do not hold the process open (runs wait in a running server): at
  // start nothing else does, and Node would end with "unsettled top-level await" mid-wait.
  const holdOpen = setInterval(() => undefined, 60_000);
  const ready = await waitForDatabase(pool, {
    timeoutMs: options.startupWaitMs ?? DEFAULT_STARTUP_WAIT_MS,
    initialDelayMs: 200,
    maxDelayMs: 2_000,
    onProbeFailure: (error) => {
      if (lastFailure === undefined) {
        options.logger.debug({ code: errorCode(error) }, 'waiting for the database to answer');
      }
      lastFailure = error;
    },
  }).finally(() => clearInterval(holdOpen));
  if (!ready) {
    await pool.end().catch(() => undefined);
    throw new DatabaseConnectError(
      options.url,
      lastFailure ??
        new Error(`no answer within ${options.startupWaitMs ?? DEFAULT_STARTUP_WAIT_MS} ms`),
    );
  }
  let closed = false;
  return {
    pool,
    mode: 'POSTGRES',
    async close() {
      if (closed) return;
      closed = true;
      if (!pool.ended) await pool.end();
    },
  };
}
