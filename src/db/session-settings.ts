import type pg from 'pg';

/** HNSW `ef_search` of every connection: what retrieval needs for recall@10 ≥ 0.95. */
export const SESSION_EF_SEARCH = 200;

const configured = new WeakSet<pg.Pool>();

/** True when {@link applySessionSettings} was applied to `pool` (pools made elsewhere lack them). */
export function hasSessionSettings(pool: pg.Pool): boolean {
  return configured.has(pool);
}

/**
 * Applies Ballast's session settings to every connection the pool opens: pgvector's
 * `hnsw.ef_search` and relaxed-order iterative scans (so a filtered search keeps scanning
 * until it has enough rows; callers re-sort by distance). With these as session defaults, a
 * search is one statement instead of a transaction around `SET LOCAL`. Settings of an
 * extension not yet loaded are kept as placeholders and apply once it is.
 */
export function applySessionSettings(pool: pg.Pool): void {
  configured.add(pool);
  pool.on('connect', (client) => {
    // Queries a client is given wait for these, which it was given first.
    void client.query(`SET hnsw.ef_search = ${SESSION_EF_SEARCH}`).catch(() => undefined);
    void client.query(`SET hnsw.iterative_scan = relaxed_order`).catch(() => undefined);
  });
}
