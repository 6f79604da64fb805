import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type pg from 'pg';

/**
 * Deletes a thread of `workspaceId`: its runs and their events (by cascade), then its
 * checkpoints. A run still executing on it is aborted by its executor finding nothing to
 * write to.
 * @returns false when there was no such thread.
 */
export async function deleteThread(
  deps: { pool: pg.Pool; checkpointer: BaseCheckpointSaver },
  workspaceId: string,
  threadId: string,
): Promise<boolean> {
  const deleted = await deps.pool.query('DELETE FROM threads WHERE id = $1 AND workspace_id = $2', [
    threadId,
    workspaceId,
  ]);
  if (!deleted.rowCount) return false;
  await deps.checkpointer.deleteThread(threadId);
  return true;
}
