import type pg from 'pg';
import type { DatabaseMode } from '../config.js';

/**
 * The one handle the application has on its database, whatever the mode: every module
 * talks SQL through `pool`. In embedded mode the pool has a single connection, so callers
 * must never hold a client or an open transaction across a model call.
 */
export interface Database {
  readonly pool: pg.Pool;
  readonly mode: DatabaseMode;
  /** Ends the pool and, in embedded mode, closes PGlite so its files are left consistent. */
  close(): Promise<void>;
}

/** Runs `fn` in a transaction on one client of `pool`; commits, or rolls back on throw. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A client whose ROLLBACK fails is broken (its connection lost): the pool discards it.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
