import type pg from 'pg';

/**
 * Inserts a thread and a RUNNING run of it, claimed once (attempts = 1), as a worker leaves it
 * when it starts executing; returns the run's id.
 */
export async function insertClaimedRun(
  pool: pg.Pool,
  scope: { workspaceId: string; collectionId: string },
): Promise<string> {
  const thread = await pool.query<{ id: string }>(
    'INSERT INTO threads (workspace_id, collection_id) VALUES ($1, $2) RETURNING id',
    [scope.workspaceId, scope.collectionId],
  );
  const run = await pool.query<{ id: string }>(
    `INSERT INTO runs (workspace_id, thread_id, collection_id, status, question, attempts)
     VALUES ($1, $2, $3, 'RUNNING', 'q', 1) RETURNING id`,
    [scope.workspaceId, thread.rows[0]!.id, scope.collectionId],
  );
  return run.rows[0]!.id;
}
