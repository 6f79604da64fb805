import { z } from 'zod';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/database.js';
import { AppError } from '../errors.js';
import { redactPii } from '../governance/pii.js';
import type { JobQueue, SqlExecutor } from '../jobs/job-queue.js';
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
  const values: RunValues = {
    workspaceId,
    collectionId: input.collectionId,
    question,
    fromCheckpointId: parsed.data.fromCheckpointId ?? null,
    requestedBy: input.requestedBy ?? null,
    traceId: traced?.traceId ?? null,
    traceParent: traced?.traceParent ?? null,
  };
  const run = await withTransaction(deps.db.pool, async (client) => {
    const rejectIfBusy = parsed.data.ifBusy === 'REJECT';
    const { run, busy } = input.threadId
      ? await insertOnThread(client, input.threadId, values, rejectIfBusy)
      : { run: await insertOnNewThread(client, values), busy: false };
    // A waiting run is queued by the run before it when that one ends (see finishRun).
    if (!busy) await deps.queue.enqueue<RunJobPayload>(RUN_QUEUE, [{ runId: run.id }], client);
    return run;
  });
  deps.queue.wake(RUN_QUEUE);
  return run;
}

/** The columns of a new run besides its thread. */
interface RunValues {
  workspaceId: string;
  collectionId: string;
  question: string;
  fromCheckpointId: string | null;
  requestedBy: string | null;
  traceId: string | null;
  traceParent: string | null;
}

const INSERT_RUN_COLUMNS = `INSERT INTO runs (workspace_id, collection_id, question,
  from_checkpoint_id, requested_by, trace_id, trace_parent, thread_id)`;

const runParams = (v: RunValues) => [
  v.workspaceId,
  v.collectionId,
  v.question,
  v.fromCheckpointId,
  v.requestedBy,
  v.traceId,
  v.traceParent,
];

const notFound = (field: 'collectionId' | 'threadId') =>
  new AppError('NOT_FOUND', `${field === 'threadId' ? 'thread' : 'collection'} not found`, {
    details: { field },
  });

/**
 * A new thread and its first run, in one statement: nothing is written unless the collection
 * is the workspace's. A new thread has no run in progress.
 */
async function insertOnNewThread(client: SqlExecutor, v: RunValues): Promise<RunRow> {
  const inserted = await client.query<RunRow>(
    `WITH thread AS (
       INSERT INTO threads (workspace_id, collection_id)
       SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM collections WHERE id = $2 AND workspace_id = $1)
       RETURNING id
     )
     ${INSERT_RUN_COLUMNS}
     SELECT $1, $2, $3, $4, $5, $6, $7, thread.id FROM thread
     RETURNING ${RUN_COLUMNS}`,
    runParams(v),
  );
  const run = inserted.rows[0];
  if (!run) throw notFound('collectionId');
  return run;
}

/**
 * A run on an existing thread, and whether another run of the thread is in progress.
 * @throws {AppError} `CONFLICT` when one is and `rejectIfBusy`.
 */
async function insertOnThread(
  client: SqlExecutor,
  threadId: string,
  v: RunValues,
  rejectIfBusy: boolean,
): Promise<{ run: RunRow; busy: boolean }> {
  const collection = await client.query(
    'SELECT 1 FROM collections WHERE id = $1 AND workspace_id = $2',
    [v.collectionId, v.workspaceId],
  );
  if (!collection.rowCount) throw notFound('collectionId');
  // Locking the thread row serialises concurrent asks on it.
  const thread = await client.query<{ collection_id: string }>(
    'SELECT collection_id FROM threads WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
    [threadId, v.workspaceId],
  );
  if (!thread.rows[0]) throw notFound('threadId');
  if (thread.rows[0].collection_id !== v.collectionId) {
    throw new AppError('BAD_USER_INPUT', 'the thread belongs to another collection', {
      details: { field: 'threadId' },
    });
  }
  await client.query('UPDATE threads SET last_activity_at = now() WHERE id = $1', [threadId]);
  const busy = await client.query(
    `SELECT 1 FROM runs WHERE thread_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`,
    [threadId],
  );
  if (busy.rowCount && rejectIfBusy) {
    throw new AppError('CONFLICT', 'a run is already in progress on this thread', {
      details: { field: 'threadId' },
    });
  }
  const inserted = await client.query<RunRow>(
    `${INSERT_RUN_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RUN_COLUMNS}`,
    [...runParams(v), threadId],
  );
  return { run: inserted.rows[0]!, busy: (busy.rowCount ?? 0) > 0 };
}
