import type pg from 'pg';
import { AppError } from '../errors.js';
import { CHANNELS, type Notifier } from '../events/notifier.js';
import { createWakeSignal } from '../events/wake-signal.js';
import type { ActiveRuns } from './active-runs.js';
import { findRunsByIds, readRunEvents } from './find-runs.js';
import { isRunFinished } from './run-row.js';
import { TERMINAL_EVENT_TYPES, type RunEvent } from './run-event.js';

/** How often the log is re-read without a notification (what a lost NOTIFY can cost). */
export const RUN_EVENTS_RECHECK_MS = 1000;

/** What {@link streamRunEvents} needs. */
export interface StreamRunEventsDeps {
  pool: pg.Pool;
  notifier: Notifier;
  activeRuns: ActiveRuns;
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
 * stored, so a seq once streamed never means another event. Replays from the durable log;
 * while the run executes in this process, new events come from its writer's memory as soon as
 * each write completes, otherwise from the log when another process announces them.
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
  const unsubscribe = deps.notifier.subscribe(CHANNELS.runEvents, (id) => {
    if (id === runId) wake.notify();
  });
  // Whatever was announced while the notifier was reconnecting was missed: look now.
  const unsubscribeGap = deps.notifier.onReconnect(() => wake.notify());
  let detachLocal: (() => void) | null = null;
  let last = Math.max(0, options.afterSeq ?? 0);
  try {
    while (!signal.aborted) {
      const local = deps.activeRuns.writer(runId);
      if (local && !detachLocal) detachLocal = local.onPersisted(() => wake.notify());
      // The log holds what came before this process's execution (or all of it, elsewhere).
      const batch: RunEvent[] =
        local && last >= local.firstSeq - 1
          ? local.eventsAfter(last)
          : await readRunEvents(deps.pool, runId, last);
      for (const event of batch) {
        if (event.seq !== last + 1) break; // never skip: wait for the missing one
        last = event.seq;
        yield event;
        if (TERMINAL_EVENT_TYPES.has(event.type)) return;
      }
      if (batch.length > 0 && batch.at(-1)!.seq === last) continue;
      if (!local) {
        if (signal.aborted) return;
        const [now] = await findRunsByIds(deps.pool, workspaceId, [runId]);
        // Finished and fully read (a run's log always ends with its terminal event).
        if (!now || (isRunFinished(now.status) && now.last_seq <= last)) return;
        if (detachLocal) {
          detachLocal();
          detachLocal = null;
        }
      }
      await wake.wait(RUN_EVENTS_RECHECK_MS, signal);
    }
  } finally {
    unsubscribe();
    unsubscribeGap();
    detachLocal?.();
  }
}
