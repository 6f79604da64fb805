import type PgBoss from 'pg-boss';
import type pg from 'pg';

/** Schema of pg-boss's own tables, apart from the application's. */
export const JOB_SCHEMA = 'ballast_jobs';

/** Something that runs SQL: the pool, or a client inside a transaction. */
export type SqlExecutor = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** pg-boss's view of `runner`, so its commands run on the application's pool or transaction. */
export function executorFor(runner: SqlExecutor): PgBoss.Db {
  return { executeSql: (text, values) => runner.query(text, values) };
}
