import { z } from 'zod';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/database.js';
import { AppError } from '../errors.js';
import { redactPii } from '../governance/pii.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { activeTraceParent } from '../telemetry/index.js';
import { RUN_COLUMNS, RUN_QUEUE, type RunJobPayload, type RunRow } from './run-row.js';

/** Longest question, in characters. */
export const MAX_QUESTION_LENGTH = 4000;

const askInput = z.object({
  question: z.string().trim().min(1, 'question must not be empty').max(MAX_QUESTION_LENGTH),
  /** QUEUE (default): wait behind a run in progress on the thread; REJECT: fail with CONFLICT. */
  ifBusy: z.enum(['QUEUE', 'REJECT']).nullish(),
  fromCheckpointId: z.string().min(1).max(200).nullish(),
});

/** A validated `ask`, with ids already decoded. */
export interface SubmitRunInput {
  collectionId: string;
  /** Continue this thread; null starts a new one. */
  threadId: string | null;
  question: unknown;
  ifBusy?: unknown;
  fromCheckpointId?: unknown;
  /** Who asks, charged for the run's tokens. Default: none. */
  requestedBy?: string;
}

/**
 * Accepts a question: redacts it, creates the thread when needed and stores the run; queues
 * its execution unless another run of the thread is in progress, in which case it waits and
 * starts when that one ends (or, with `ifBusy: REJECT`, the call fails with `CONFLICT`).
 * @throws {AppError} `BAD_USER_INPUT`, `NOT_FOUND` (collection or thread), `CONFLICT`.
 */
export async function submitRun(
  deps: { db: Database; queue: JobQueue },
  workspaceId: string,
  input: SubmitRunInput,
): Promise<RunRow> {
  const parsed = askInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_USER_INPUT', issue?.message ?? 'invalid question', {
      details: { field: issue?.path.join('.') },
    });
  }
  const question = redactPii(parsed.data.question).text;
  // The run executes later, in a worker: its workflow span continues the asking operation's trace.
  const traced = activeTraceParent();
  const run = await withTransaction(deps.db.pool, async (client) => {
    const collection = await client.query(
      'SELECT 1 FROM collections WHERE id = $1 AND workspace_id = $2',
      [input.collectionId, workspaceId],
    );
    if (!collection.rowCount)
      throw new AppError('NOT_FOUND', 'collection not found', {
        details: { field: 'collectionId' },
      });

    let threadId = input.threadId;
    if (threadId) {
      // Locking the thread row serialises concurrent asks on it.
      const thread = await client.query<{ collection_id: string }>(
        'SELECT collection_id FROM threads WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
        [threadId, workspaceId],
      );
      if (!thread.rows[0])
        throw new AppError('NOT_FOUND', 'thread not found', { details: { field: 'threadId' } });
      if (thread.rows[0].collection_id !== input.collectionId) {
        throw new AppError('BAD_USER_INPUT', 'the thread belongs to another collection', {
          details: { field: 'threadId' },
        });
      }
      await client.query('UPDATE threads SET last_activity_at = now() WHERE id = $1', [threadId]);
    } else {
      const created = await client.query<{ id: string }>(
        'INSERT INTO threads (workspace_id, collection_id) VALUES ($1, $2) RETURNING id',
        [workspaceId, input.collectionId],
      );
      threadId = created.rows[0]!.id;
    }
    const busy = await client.query(
      `SELECT 1 FROM runs WHERE thread_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`,
      [threadId],
    );
    if (busy.rowCount && parsed.data.ifBusy === 'REJECT') {
      throw new AppError('CONFLICT', 'a run is already in progress on this thread', {
        details: { field: 'threadId' },
      });
    }
    const inserted = await client.query<RunRow>(
      `INSERT INTO runs (workspace_id, thread_id, collection_id, question, from_checkpoint_id,
         requested_by, trace_id, trace_parent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RUN_COLUMNS}`,
      [
        workspaceId,
        threadId,
        input.collectionId,
        question,
        parsed.data.fromCheckpointId ?? null,
        input.requestedBy ?? null,
        traced?.traceId ?? null,
        traced?.traceParent ?? null,
      ],
    );
    const run = inserted.rows[0]!;
    // A waiting run is queued by the run before it when that one ends (see finishRun).
    if (!busy.rowCount)
      await deps.queue.enqueue<RunJobPayload>(RUN_QUEUE, [{ runId: run.id }], client);
    return run;
  });
  deps.queue.wake(RUN_QUEUE);
  return run;
}
