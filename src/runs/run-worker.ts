import { CHANNELS } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { CANCELLED_BY_CLIENT } from './cancel-run.js';
import { executeRun, PROCESS_STOPPING, type ExecuteRunDeps } from './execute-run.js';
import { requeueStaleRuns } from './run-lifecycle.js';
import { RUN_QUEUE, type RunJobPayload } from './run-row.js';

/** Options of {@link startRunWorker}. */
export interface RunWorkerOptions extends ExecuteRunDeps {
  queue: JobQueue;
  /** Runs executed at once by this process. Default: 10. */
  concurrency?: number;
  /**
   * This process is the only one (embedded mode): runs left RUNNING by a previous, dead
   * process are resumed at once instead of after their lease. Default: false.
   */
  soleWorker?: boolean;
}

/** A started run worker. */
export interface RunWorker {
  /** Aborts runs executing here (they stay RUNNING, to be resumed) and stops the sweeper. */
  stop(): void;
}

/**
 * Starts executing queued runs in this process: listens for cancels from other processes,
 * re-queues runs whose process died (now, and every lease period) and works the run queue.
 */
export async function startRunWorker(options: RunWorkerOptions): Promise<RunWorker> {
  const { queue, db, notifier, activeRuns, logger } = options;
  const leaseSeconds = options.leaseSeconds ?? 30;
  await queue.ensureQueue(RUN_QUEUE);
  const unsubscribe = notifier.subscribe(CHANNELS.runCancel, (runId) => {
    activeRuns.abort(runId, CANCELLED_BY_CLIENT);
  });
  if (options.soleWorker) {
    await db.pool.query(
      `UPDATE runs SET lease_until = now() - interval '1 second' WHERE status = 'RUNNING'`,
    );
    await queue.requeueOrphans(RUN_QUEUE);
  }
  const sweep = async () => {
    const requeued = await requeueStaleRuns(db.pool, queue);
    if (requeued > 0) logger.info({ requeued }, 'runs of a dead process re-queued');
  };
  await sweep();
  const sweeper = setInterval(() => void sweep().catch(() => undefined), leaseSeconds * 1000);
  sweeper.unref();
  for (let i = 0; i < (options.concurrency ?? 10); i++) {
    await queue.work<RunJobPayload>(RUN_QUEUE, (payload) => executeRun(options, payload.runId));
  }
  return {
    stop() {
      clearInterval(sweeper);
      unsubscribe();
      activeRuns.abortAll(PROCESS_STOPPING);
    },
  };
}
