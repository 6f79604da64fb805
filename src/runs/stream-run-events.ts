import type pg from 'pg';
import { AppError } from '../errors.js';
import { createWakeSignal } from '../events/wake-signal.js';
import type { ActiveRuns } from './active-runs.js';
import { findRunsByIds, readRunEvents } from './find-runs.js';
import type { RunLogFeed } from './run-log-feed.js';
import { isRunFinished } from './run-row.js';
import { TERMINAL_EVENT_TYPES, type RunEvent } from './run-event.js';

/** What {@link streamRunEvents} needs. */
export interface StreamRunEventsDeps {
  pool: pg.Pool;
  activeRuns: ActiveRuns;
  runLog: RunLogFeed;
}

/** Where {@link streamRunEvents} starts, and what stops it. */
export interface StreamRunEventsOptions {
  /** Events after this seq are streamed. Default: 0 (all). */
  afterSeq?: number;
  /** Ends the stream at once, before any further query: its subscription was closed. */
  signal: AbortSignal;
}

/**
 * Every event of a run after `afterSeq`, then the live ones, until its terminal event or until
 * `signal` aborts: no gap, no duplicate, `seq` strictly increasing, and only events already
 * stored, so a seq once streamed never means another event. While the run executes in this
 * process, events come from its writer's memory as soon as each write completes; otherwise
 * from the process's shared reader of its log ({@link RunLogFeed}), which reads when an event
 * is announced. Waiting costs no SQL: nothing is read until something is announced.
 * @throws {AppError} `NOT_FOUND` when the run is not in the workspace.
 */
export async function* streamRunEvents(
  deps: StreamRunEventsDeps,
  workspaceId: string,
  runId: string,
  options: StreamRunEventsOptions,
): AsyncGenerator<RunEvent, void, undefined> {
  const { signal } = options;
  if (signal.aborted) return;
  const [run] = await findRunsByIds(deps.pool, workspaceId, [runId]);
  if (!run) throw new AppError('NOT_FOUND', 'run not found');
  const wake = createWakeSignal();
  let last = Math.max(0, options.afterSeq ?? 0);
  const feed = deps.runLog.follow(runId, last);
  feed.onChange(() => wake.notify());
  let detachLocal: (() => void) | null = null;
  // Whether the run's status must be read before waiting: once when the stream has caught up
  // with a run that does not execute here (it may have ended already), and again each time a
  // local execution stopped.
  let checkStatus = true;
  // The status showed events the feed has not read (they were announced while the run
  // executed here, when the feed leaves reading to the writer's memory): read them directly.
  let readLog = false;
  try {
    while (!signal.aborted) {
      const local = deps.activeRuns.writer(runId);
      if (local && !detachLocal) detachLocal = local.onPersisted(() => wake.notify());
      if (local) checkStatus = true;
      const fromLog = readLog;
      readLog = false;
      // The local writer holds this execution's events; the log holds what came before.
      const batch: RunEvent[] =
        (local && last >= local.firstSeq - 1 ? local.eventsAfter(last) : undefined) ??
        (local || fromLog ? undefined : feed.eventsAfter(last)) ??
        (await readRunEvents(deps.pool, runId, last));
      for (const event of batch) {
        if (event.seq !== last + 1) break; // never skip: wait for the missing one
        last = event.seq;
        yield event;
        if (TERMINAL_EVENT_TYPES.has(event.type)) return;
      }
      if (batch.length > 0 && batch.at(-1)!.seq === last) continue;
      if (!local && checkStatus) {
        checkStatus = false;
        if (signal.aborted) return;
        const [now] = await findRunsByIds(deps.pool, workspaceId, [runId]);
        // Finished and fully read (a run's log always ends with its terminal event).
        if (!now || (isRunFinished(now.status) && now.last_seq <= last)) return;
        if (detachLocal) {
          detachLocal();
          detachLocal = null;
        }
        if (now.last_seq > last && !fromLog) {
          readLog = true;
          continue;
        }
      }
      await wake.wait(signal);
    }
  } finally {
    feed.release();
    detachLocal?.();
  }
}
