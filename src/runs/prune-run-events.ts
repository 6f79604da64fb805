import type pg from 'pg';

/**
 * Deletes the event logs of runs finished more than `olderThanMs` ago. The runs themselves,
 * with their answers, are kept; only `runEvents` replay of old runs goes.
 * @returns the number of events deleted.
 */
export async function pruneRunEvents(pool: pg.Pool, olderThanMs: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM run_events e USING runs r
     WHERE e.run_id = r.id AND r.finished_at < now() - make_interval(secs => $1)`,
    [olderThanMs / 1000],
  );
  return result.rowCount ?? 0;
}
