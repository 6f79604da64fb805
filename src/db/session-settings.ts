import type pg from 'pg';

/** HNSW `ef_search` of every connection: what retrieval needs for recall@10 ≥ 0.95. */
export const SESSION_EF_SEARCH = 200;

// pgvector's search settings for every session: enough candidates for recall, and relaxed-order
// iterative scans so a filtered search keeps scanning until it has enough rows (callers
// re-sort by distance). Settings of an extension not loaded yet wait as placeholders.
const SETTINGS: Record<string, string> = {
  'hnsw.ef_search': String(SESSION_EF_SEARCH),
  'hnsw.iterative_scan': 'relaxed_order',
};

const configured = new WeakSet<pg.Pool>();

/**
 * The settings as a libpq `options` startup parameter (`-c name=value …`), for pools of a
 * PostgreSQL server: every connection starts with them, at no extra round trip.
 */
export function sessionStartupOptions(): string {
  return Object.entries(SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

/** Applies the settings with `SET` (for PGlite, whose one session every client shares). */
export async function applySessionSettings(pool: pg.Pool): Promise<void> {
  for (const [name, value] of Object.entries(SETTINGS)) {
    await pool.query(`SET ${name} = ${value}`);
  }
  markSessionSettings(pool);
}

/** Records that every session of `pool` has the settings. */
export function markSessionSettings(pool: pg.Pool): void {
  configured.add(pool);
}

/**
 * True when every session of `pool` searches with these settings, so a search with the same
 * values can be one statement instead of a transaction around `SET LOCAL`.
 */
export function hasSessionSettings(pool: pg.Pool): boolean {
  return configured.has(pool);
}
