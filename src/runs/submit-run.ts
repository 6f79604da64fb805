import { z } from 'zod';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/database.js';
import { AppError } from '../errors.js';
import { redactTurn } from '../governance/pii.js';
import type { JobQueue, SqlExecutor } from '../jobs/job-queue.js';
import type { RateLimits } from '../security/rate-limits.js';
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
  /** Who asks (a principal's subject), charged for the run's tokens. */
  requestedBy: string;
}

/** What {@link submitRun} needs. */
export interface SubmitRunDeps {
  db: Database;
  queue: JobQueue;
  limits: Pick<RateLimits, 'reserveTokens'>;
}

/**
 * Accepts a question, in one transaction: redacts its PII (placeholder numbers already used in
 * the thread are not reused), reserves its tokens on the caller's and workspace's budgets,
 * creates the thread when needed and stores the run; queues its execution unless another run of
 * the thread is in progress, in which case it waits and starts when that one ends (or, with
 * `ifBusy: REJECT`, the call fails with `CONFLICT`). This is the only place a question is
 * validated and redacted: the graph receives it redacted.
 * @throws {AppError} `BAD_USER_INPUT`, `NOT_FOUND` (collection or thread), `CONFLICT`,
 * `RATE_LIMITED` (the reservation does not fit a budget).
 */
export async function submitRun(
  deps: SubmitRunDeps,
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
  // The run executes later, in a worker: its workflow span continues the asking operation's trace.
  const traced = activeTraceParent();
  const run = await withTransaction(deps.db.pool, async (client) => {
    const thread = input.threadId
      ? await openThread(client, input.threadId, workspaceId, input.collectionId, {
          rejectIfBusy: parsed.data.ifBusy === 'REJECT',
        })
      : null;
    const values: RunValues = {
      workspaceId,
      collectionId: input.collectionId,
      question: redactTurn(parsed.data.question, thread?.texts ?? []).text,
      fromCheckpointId: parsed.data.fromCheckpointId ?? null,
      requestedBy: input.requestedBy,
      traceId: traced?.traceId ?? null,
      traceParent: traced?.traceParent ?? null,
      reservedTokens: await deps.limits.reserveTokens(client, {
        subject: input.requestedBy,
        workspaceId,
      }),
    };
    const run = input.threadId
      ? await insertOnThread(client, input.threadId, values)
      : await insertOnNewThread(client, values);
    // A waiting run is queued by the run before it when that one ends (see finishRun).
    if (!thread?.busy) {
      await deps.queue.enqueue<RunJobPayload>(RUN_QUEUE, [{ runId: run.id }], client);
    }
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
  reservedTokens: number;
}

const INSERT_RUN_COLUMNS = `INSERT INTO runs (workspace_id, collection_id, question,
  from_checkpoint_id, requested_by, trace_id, trace_parent, reserved_tokens, thread_id)`;

const runParams = (v: RunValues) => [
  v.workspaceId,
  v.collectionId,
  v.question,
  v.fromCheckpointId,
  v.requestedBy,
  v.traceId,
  v.traceParent,
  v.reservedTokens,
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
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, thread.id FROM thread
     RETURNING ${RUN_COLUMNS}`,
    runParams(v),
  );
  const run = inserted.rows[0];
  if (!run) throw notFound('collectionId');
  return run;
}

/** A locked thread about to get a run: whether a run of it is in progress, and its texts. */
interface OpenThread {
  busy: boolean;
  /** Every question and answer of the thread's runs, for placeholder numbering. */
  texts: string[];
}

/**
 * Locks a thread of the workspace for a new run (concurrent asks on it are serialised here).
 * @throws {AppError} `NOT_FOUND`, `BAD_USER_INPUT` (another collection's thread), `CONFLICT`
 * (a run is in progress and `rejectIfBusy`).
 */
async function openThread(
  client: SqlExecutor,
  threadId: string,
  workspaceId: string,
  collectionId: string,
  options: { rejectIfBusy: boolean },
): Promise<OpenThread> {
  const collection = await client.query(
    'SELECT 1 FROM collections WHERE id = $1 AND workspace_id = $2',
    [collectionId, workspaceId],
  );
  if (!collection.rowCount) throw notFound('collectionId');
  const thread = await client.query<{ collection_id: string }>(
    `UPDATE threads SET last_activity_at = now() WHERE id = $1 AND workspace_id = $2
     RETURNING collection_id`,
    [threadId, workspaceId],
  );
  if (!thread.rows[0]) throw notFound('threadId');
  if (thread.rows[0].collection_id !== collectionId) {
    throw new AppError('BAD_USER_INPUT', 'the thread belongs to another collection', {
      details: { field: 'threadId' },
    });
  }
  // Every run of the thread, forks included: a placeholder used on any branch stays taken.
  const runs = await client.query<{ question: string; answer: string | null; active: boolean }>(
    `SELECT question, answer->>'text' AS answer, status IN ('QUEUED', 'RUNNING') AS active
     FROM runs WHERE thread_id = $1`,
    [threadId],
  );
  const busy = runs.rows.some((run) => run.active);
  if (busy && options.rejectIfBusy) {
    throw new AppError('CONFLICT', 'a run is already in progress on this thread', {
      details: { field: 'threadId' },
    });
  }
  return {
    busy,
    texts: runs.rows.flatMap((run) => (run.answer ? [run.question, run.answer] : [run.question])),
  };
}

/** A run on a thread {@link openThread} locked. */
async function insertOnThread(
  client: SqlExecutor,
  threadId: string,
  v: RunValues,
): Promise<RunRow> {
  const inserted = await client.query<RunRow>(
    `${INSERT_RUN_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${RUN_COLUMNS}`,
    [...runParams(v), threadId],
  );
  return inserted.rows[0]!;
}
