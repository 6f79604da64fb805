/** The run config that addresses a thread, and optionally one of its checkpoints. */
export interface ThreadConfig {
  configurable: { thread_id: string; checkpoint_id?: string };
}

/**
 * Config for a run on thread `threadId` (a conversation). Without `checkpointId` a run
 * continues from the thread's latest checkpoint; with it, the run starts from that earlier
 * checkpoint and its new checkpoints branch off there (a fork): later ones stay in the history
 * but no longer feed the thread's state.
 */
export function threadConfig(threadId: string, checkpointId?: string): ThreadConfig {
  return checkpointId === undefined
    ? { configurable: { thread_id: threadId } }
    : { configurable: { thread_id: threadId, checkpoint_id: checkpointId } };
}
