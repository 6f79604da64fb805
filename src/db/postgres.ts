import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { markSessionSettings, sessionStartupOptions } from './session-settings.js';

/** Options of {@link openPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  url: string;
  /** Pool size. Default: 10. */
  max?: number;
  logger: Logger;
}

/** Opens a `pg` pool on a real PostgreSQL (≥ 15, with pgvector available). */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: 'ballast',
    options: sessionStartupOptions(),
    // Without these a connection to a host that stopped answering waits for the kernel's TCP
    // timeout (minutes): health, rate limits and paused runs need an answer in seconds.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  markSessionSettings(pool);
  // An idle client's error (server restart, network cut) would crash the process otherwise.
  pool.on('error', (error) => options.logger.error({ err: error }, 'postgres pool error'));
  // pg-pool listens for errors only while a client is idle: a checked-out client whose
  // connection dies between two statements would emit 'error' to nobody and end the process.
  // The error reaches its holder anyway, as the failure of its next statement.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const client = await pool.connect();
  client.release();
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
