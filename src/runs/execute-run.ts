import { isDatabaseUnavailable } from '../db/connection-errors.js';
import type { Database } from '../db/database.js';
import { waitForDatabase } from '../db/wait-for-database.js';
import { AppError, isAppError } from '../errors.js';
import type { Notifier } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import { traceRun, type RunTelemetry } from '../telemetry/index.js';
import type { ActiveRuns } from './active-runs.js';
import { CANCELLED_BY_CLIENT } from './cancel-run.js';
import { createRunEventWriter } from './event-writer.js';
import type { GraphRunner } from './graph-runner.js';
import { claimRun, finishRun, renewLease } from './run-lifecycle.js';
import type { AnswerRecord, RunRow, RunStatus } from './run-row.js';
import type { RunEventDraft, RunEventDraftOf, RunEventPayloads } from './run-event.js';
import { createTokenCoalescer } from './token-coalescer.js';

/** What {@link executeRun} needs. */
export interface ExecuteRunDeps {
  db: Database;
  queue: JobQueue;
  notifier: Notifier;
  logger: Logger;
  graph: GraphRunner;
  activeRuns: ActiveRuns;
  /** A RUNNING run whose lease is not renewed within this is resumed elsewhere. Default: 30 s. */
  leaseSeconds?: number;
  /** Token deltas are merged for up to this long. Default: 25 ms. */
  coalesceMs?: number;
  /**
   * A run whose database goes away pauses, and resumes from its last checkpoint once the
   * database answers again; after this long without it, the run fails with
   * `DATABASE_UNAVAILABLE` (written when the database is back). Default: 60 s.
   */
  databaseOutageGraceMs?: number;
}

/** The abort reason when this process shuts down: the run is left for another process. */
export const PROCESS_STOPPING = 'process stopping';
/** The abort reason when another process claimed the run after this one's lease ran out. */
export const LEASE_LOST = 'lease lost';

/**
 * Executes one run: claims it, streams the graph into the run's event log (first token at
 * once, later ones coalesced), and ends it — SUCCEEDED, FAILED with a code, or CANCELLED —
 * writing the terminal event and status in one transaction and queuing the thread's next
 * run. A run claimed after its process died is resumed from its last checkpoint and says
 * so with `RunResumed`; so is a run paused by a database outage, once the database is back. On
 * shutdown the run is left RUNNING for another process to resume.
 * The execution is one `invoke_workflow` span in the trace of the operation that asked, and its
 * token usage per model is stored in `runs.usage` and replaces its token reservation on the
 * budgets, whatever the outcome.
 */
export async function executeRun(deps: ExecuteRunDeps, runId: string): Promise<void> {
  const run = await claimRun(deps.db.pool, runId, deps.leaseSeconds ?? 30);
  if (!run) return;
  await traceRun(deps.db.pool, run, (telemetry) => executeClaimed(deps, run, telemetry));
}

async function executeClaimed(
  deps: ExecuteRunDeps,
  run: RunRow,
  telemetry: RunTelemetry,
): Promise<void> {
  const { db, logger } = deps;
  const runId = run.id;
  const leaseSeconds = deps.leaseSeconds ?? 30;

  const abort = new AbortController();
  const writer = createRunEventWriter({
    pool: db.pool,
    notifier: deps.notifier,
    logger,
    runId,
    firstSeq: run.last_seq + 1,
    attempt: run.attempts,
    onFenced: () => abort.abort(LEASE_LOST),
    usage: () => telemetry.usage(),
  });
  deps.activeRuns.add(writer, abort);
  const heartbeat = setInterval(
    () => {
      renewLease(db.pool, runId, run.attempts, leaseSeconds)
        .then((lease) => {
          if (!lease.owned) abort.abort(LEASE_LOST);
          else if (lease.cancelRequested) abort.abort(CANCELLED_BY_CLIENT);
        })
        // Unreachable database: the run pauses on its own; a lost lease shows at the next renewal.
        .catch(() => undefined);
    },
    (leaseSeconds * 1000) / 3,
  );
  const coalescer = createTokenCoalescer({
    windowMs: deps.coalesceMs ?? 25,
    flush: (text) => writer.emit({ type: 'TokenDelta', payload: { text } }),
  });
  const emit = (event: RunEventDraft) => {
    coalescer.drain();
    if (event.type === 'ModelFallback' && event.payload.restart) coalescer.reset();
    writer.emit(event);
  };
  // Cancelled while its process was dead: end it without running anything.
  if (run.cancel_requested) abort.abort(CANCELLED_BY_CLIENT);
  const resumed = run.attempts > 1;
  emit(
    resumed
      ? { type: 'RunResumed', payload: { attempt: run.attempts } }
      : { type: 'RunStarted', payload: {} },
  );

  // Assigned inside streamGraph: declared wide so the checks below are not narrowed to null.
  let answer = null as AnswerRecord | null;
  let failure: RunEventPayloads['RunFailed'] | null = null;
  const streamGraph = async (resume: boolean) => {
    abort.signal.throwIfAborted();
    const outputs = deps.graph.run(
      {
        runId,
        threadId: run.thread_id,
        workspaceId: run.workspace_id,
        collectionId: run.collection_id,
        question: run.question,
        resume,
        fromCheckpointId: run.from_checkpoint_id,
      },
      abort.signal,
    );
    for await (const output of outputs) {
      if (output.kind === 'token') coalescer.push(output.text);
      else if (output.kind === 'event') emit(output.event);
      else answer = output.answer;
    }
  };
  try {
    for (let resume = resumed; ; resume = true) {
      try {
        await streamGraph(resume);
        break;
      } catch (error) {
        if (abort.signal.aborted || !isDatabaseUnavailable(error)) throw error;
        coalescer.drain();
        logger.warn({ runId }, 'database unavailable: run paused until it answers');
        const graceMs = deps.databaseOutageGraceMs ?? 60_000;
        if (!(await waitForDatabase(db.pool, { timeoutMs: graceMs, signal: abort.signal }))) {
          if (abort.signal.aborted) throw error;
          throw new AppError('DATABASE_UNAVAILABLE', 'the database was unavailable for too long', {
            cause: error,
          });
        }
        logger.info({ runId }, 'database back: run resumes from its last checkpoint');
        answer = null;
        emit({ type: 'RunResumed', payload: { attempt: run.attempts } });
      }
    }
    coalescer.drain();
  } catch (error) {
    coalescer.drain();
    const reason: unknown = abort.signal.aborted ? abort.signal.reason : undefined;
    if (reason === LEASE_LOST) {
      clearInterval(heartbeat);
      deps.activeRuns.delete(runId);
      logger.warn(
        { runId, attempt: run.attempts },
        'run claimed by another process; this execution stops',
      );
      return;
    }
    if (reason === PROCESS_STOPPING) {
      clearInterval(heartbeat);
      await writer.flush();
      deps.activeRuns.delete(runId);
      // Leave it RUNNING: the lease runs out and another process resumes it.
      throw error;
    }
    if (!abort.signal.aborted || abort.signal.reason !== CANCELLED_BY_CLIENT) {
      failure = isAppError(error)
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL_SERVER_ERROR', message: 'the run failed' };
      if (!isAppError(error)) logger.error({ err: error, runId }, 'run failed unexpectedly');
    }
  } finally {
    clearInterval(heartbeat);
  }

  const cancelled = abort.signal.aborted && abort.signal.reason === CANCELLED_BY_CLIENT;
  const final = terminalEvent(cancelled, failure, answer);
  const status = STATUS_OF[final.type];
  const error = final.type === 'RunFailed' ? final.payload : null;
  telemetry.finish(status, error?.code);
  const usage = telemetry.usage();
  try {
    const ended = await untilDatabaseAnswers(db.pool, deps.databaseOutageGraceMs, () =>
      writer.finish(final, (client) =>
        finishRun(
          client,
          deps.queue,
          {
            id: runId,
            threadId: run.thread_id,
            reservation: {
              requestedBy: run.requested_by,
              workspaceId: run.workspace_id,
              reserved: run.reserved_tokens,
            },
          },
          {
            status,
            answerJson: final.type === 'RunCompleted' ? JSON.stringify(final.payload.answer) : null,
            error,
            usageJson: usage ? JSON.stringify(usage) : null,
            usedTokens: usage ? usage.inputTokens + usage.outputTokens : 0,
          },
        ),
      ),
    );
    if (!ended) {
      logger.warn(
        { runId, attempt: run.attempts },
        'run claimed by another process before it ended here',
      );
      return;
    }
  } finally {
    deps.activeRuns.delete(runId);
  }
}

type TerminalEvent = RunEventDraftOf<'RunCompleted' | 'RunFailed' | 'RunCancelled'>;

const STATUS_OF = {
  RunCompleted: 'SUCCEEDED',
  RunFailed: 'FAILED',
  RunCancelled: 'CANCELLED',
} as const satisfies Record<TerminalEvent['type'], RunStatus>;

/** How a run ends: a cancel wins, then a failure; a graph that gave no answer failed. */
function terminalEvent(
  cancelled: boolean,
  failure: RunEventPayloads['RunFailed'] | null,
  answer: AnswerRecord | null,
): TerminalEvent {
  if (cancelled) return { type: 'RunCancelled', payload: {} };
  if (failure) return { type: 'RunFailed', payload: failure };
  if (!answer) {
    return {
      type: 'RunFailed',
      payload: { code: 'INTERNAL_SERVER_ERROR', message: 'the graph ended without an answer' },
    };
  }
  return { type: 'RunCompleted', payload: { answer } };
}

// The end of a run is written once the database answers (within the grace); past it, the run
// stays RUNNING and is resumed elsewhere when its lease runs out.
async function untilDatabaseAnswers<T>(
  pool: Database['pool'],
  graceMs: number | undefined,
  write: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + (graceMs ?? 60_000);
  for (;;) {
    try {
      return await write();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isDatabaseUnavailable(error) || left <= 0) throw error;
      if (!(await waitForDatabase(pool, { timeoutMs: left }))) throw error;
    }
  }
}
