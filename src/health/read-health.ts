import { timeout, TimeoutStrategy } from 'cockatiel';
import type { Database } from '../db/database.js';

/** What `health` reports. */
export interface HealthReport {
  status: 'OK' | 'DEGRADED';
  databaseMode: Database['mode'];
  pgvectorVersion: string | null;
  schemaVersion: number;
  serverVersion: string;
}

/** Options of {@link readHealth}. */
export interface ReadHealthOptions {
  /** How long the database has to answer before the report is `DEGRADED`. Default: 1000 ms. */
  timeoutMs?: number;
}

/**
 * Asks the database for its state. A database that fails or does not answer within `timeoutMs`
 * (down, unreachable, or every connection busy) makes the report `DEGRADED`, never an error.
 */
export async function readHealth(
  db: Database,
  serverVersion: string,
  options: ReadHealthOptions = {},
): Promise<HealthReport> {
  // Aggressive: a query stuck waiting for a connection cannot be cancelled, only abandoned.
  const deadline = timeout(options.timeoutMs ?? 1000, TimeoutStrategy.Aggressive);
  try {
    const result = await deadline.execute(() =>
      db.pool.query<{ pgvector: string | null; schema_version: number | null }>(
        `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS pgvector,
                (SELECT max(version) FROM ballast_migrations) AS schema_version`,
      ),
    );
    const row = result.rows[0];
    return {
      status: 'OK',
      databaseMode: db.mode,
      pgvectorVersion: row?.pgvector ?? null,
      schemaVersion: row?.schema_version ?? 0,
      serverVersion,
    };
  } catch {
    return {
      status: 'DEGRADED',
      databaseMode: db.mode,
      pgvectorVersion: null,
      schemaVersion: 0,
      serverVersion,
    };
  }
}
