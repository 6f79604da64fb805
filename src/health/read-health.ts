import type { Database } from '../db/database.js';

/** What `health` reports. */
export interface HealthReport {
  status: 'OK' | 'DEGRADED';
  databaseMode: Database['mode'];
  pgvectorVersion: string | null;
  schemaVersion: number;
  serverVersion: string;
}

/** Asks the database for its state; a failing database makes the report `DEGRADED`, not an error. */
export async function readHealth(db: Database, serverVersion: string): Promise<HealthReport> {
  try {
    const result = await db.pool.query<{ pgvector: string | null; schema_version: number | null }>(
      `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS pgvector,
              (SELECT max(version) FROM ballast_migrations) AS schema_version`,
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
