import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import { BallastPostgresSaver } from './ballast-saver.js';
import { checkpointSchemaName } from './schema-name.js';
import { singleClientPool } from './single-client-pool.js';

// Fixed and distinct from the migration lock: every Ballast process contends for it.
const SETUP_LOCK_ID = 0x62636b70; // "bckp"

/** Options of {@link openCheckpointSaver}. */
export interface CheckpointSaverOptions {
  /** Schema of the checkpoint tables. Default: `ballast_checkpoints`. */
  schema?: string;
}

/**
 * LangGraph's `PostgresSaver` on the application's pool, with its tables in their own schema,
 * created or migrated by `setup()` under a session advisory lock so that processes starting
 * together do not race (setup itself takes no lock). Works on PostgreSQL and on PGlite's
 * single-connection pool. The saver is `BallastPostgresSaver`: branch-safe channel versions (so
 * forks read back their own values) and one statement per write call.
 *
 * The saver shares the pool: never call its `end()`, which would end the pool for everyone.
 */
export async function openCheckpointSaver(
  pool: pg.Pool,
  options: CheckpointSaverOptions = {},
): Promise<BallastPostgresSaver> {
  const schema = checkpointSchemaName(options.schema);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_ID]);
    try {
      await new PostgresSaver(singleClientPool(client), undefined, { schema }).setup();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_ID]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return new BallastPostgresSaver(pool, { schema });
}
