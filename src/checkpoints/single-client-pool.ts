import type pg from 'pg';

/**
 * A stand-in pool that hands out one already-connected client and never releases it, for
 * `PostgresSaver.setup()`, which takes its own connection from the pool it was given.
 *
 * Why: setup must run inside the session that holds the advisory lock. Given the real pool it
 * would take a second connection — outside the lock on PostgreSQL, and on PGlite's
 * one-connection pool it would wait forever for the connection the lock holder keeps.
 * Only what `setup()` uses (`connect`, then `query`/`release` on the client) is provided.
 */
export function singleClientPool(client: pg.PoolClient): pg.Pool {
  const borrowed = {
    query: client.query.bind(client),
    release: () => undefined,
  };
  return { connect: () => Promise.resolve(borrowed) } as unknown as pg.Pool;
}
