import type { IBackoff } from 'cockatiel';
import type pg from 'pg';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { reconnectBackoff } from '../db/reconnect-backoff.js';
import { withTransaction } from '../db/database.js';
import { CHANNELS, type Notifier } from '../events/notifier.js';
import type { Logger } from '../logger.js';
import type { RunEvent, RunEventDraft } from './run-event.js';

/** Options of {@link createRunEventWriter}. */
export interface RunEventWriterOptions {
  pool: pg.Pool;
  notifier: Notifier;
  logger: Logger;
  runId: string;
  /** Seq of the first event this writer emits (the run's `last_seq + 1`). */
  firstSeq: number;
  /** The run's `attempts` when this execution claimed it: the fencing token. */
  attempt: number;
  /** Called once if another execution has claimed the run since (this one must stop). */
  onFenced?: () => void;
  /**
   * The run's usage so far, saved on the run with each flush, so that a run resumed after a
   * crash still counts what its earlier attempts used. Default: usage is not saved by flushes.
   */
  usage?: () => unknown;
}

/**
 * The single writer of one run's event log while the run executes in this process. Emitted
 * events are written in batches: one statement at a time, each taking everything emitted
 * while the previous one was on its way. An event becomes readable (from memory, by
 * subscribers in this process) only once its write has completed, then other processes are
 * notified: a seq a client has seen is stored, so a crash can never give it to another event.
 * Seq numbers are assigned here, so live and replayed events agree. Every write is fenced by
 * the claim's attempt number: once another process has claimed the run (this one lost its
 * lease), nothing more is written (nor becomes readable) and `onFenced` is called.
 */
export interface RunEventWriter {
  readonly runId: string;
  readonly firstSeq: number;
  /** Appends an event: written by the next write, readable once that write has completed. */
  emit(draft: RunEventDraft): RunEvent;
  /** Stored events of this execution with seq > `seq`, from memory. */
  eventsAfter(seq: number): RunEvent[];
  /**
   * Calls `listener` after every write that stored events (they are then in `eventsAfter`);
   * returns the unsubscribe function.
   */
  onPersisted(listener: () => void): () => void;
  /**
   * Persists everything pending, then writes `final` and runs `finalize` in one
   * transaction, so a run's terminal event and its terminal status can never disagree.
   */
  finish(
    final: RunEventDraft,
    finalize: (client: pg.PoolClient) => Promise<void>,
  ): Promise<RunEvent | null>;
  /** Persists everything pending (used when the process stops mid-run). */
  flush(): Promise<void>;
  /** True once another execution claimed the run. */
  readonly fenced: boolean;
}

/** Thrown inside a write when the run was claimed by another execution. */
class FencedError extends Error {}

/** A new {@link RunEventWriter}. */
export function createRunEventWriter(options: RunEventWriterOptions): RunEventWriter {
  const { pool, notifier, runId } = options;
  const events: RunEvent[] = [];
  const listeners = new Set<() => void>();
  let persistedUpTo = options.firstSeq - 1;
  let writing: Promise<void> | null = null;
  let fenced = false;

  const fence = () => {
    if (fenced) return;
    fenced = true;
    options.onFenced?.();
  };
  const usageJson = () => {
    const usage = options.usage?.();
    return usage == null ? null : JSON.stringify(usage);
  };
  // Appends in one statement: the run row is locked first, so a concurrent claim (which
  // updates the same row) waits or is seen, and nothing is written unless this execution still
  // owns the run. A flush runs it alone (one round trip); `finish` inside its transaction.
  // When subscribers listen through the database, the same statement notifies them (delivered
  // at its commit, and only if it wrote something); otherwise `announce` publishes after it.
  const notifyInStatement = notifier.hearsDatabase;
  const announce = async () => {
    if (!notifyInStatement) await notifier.publish(CHANNELS.runEvents, runId);
  };
  const appendOwned = async (
    runner: Pick<pg.PoolClient, 'query'>,
    rows: RunEvent[],
  ): Promise<boolean> => {
    const result = await runner.query<{ attempts: number | null }>(
      `WITH owner AS (
         SELECT attempts FROM runs WHERE id = $1 FOR UPDATE
       ), inserted AS (
         INSERT INTO run_events (run_id, seq, type, payload, at)
         SELECT $1, x.seq, x.type, x.payload, x.at
         FROM jsonb_to_recordset($2::jsonb) AS x(seq int, type text, payload jsonb, at timestamptz)
         WHERE (SELECT attempts FROM owner) = $3
         ON CONFLICT (run_id, seq) DO NOTHING
         RETURNING seq
       ), advanced AS (
         UPDATE runs SET last_seq = greatest(last_seq, (SELECT max(seq) FROM inserted)),
           usage = coalesce($4::jsonb, usage)
         WHERE id = $1 AND EXISTS (SELECT 1 FROM inserted)
       )
       SELECT (SELECT attempts FROM owner) AS attempts,
         (SELECT pg_notify($5, $7) WHERE $6 AND EXISTS (SELECT 1 FROM inserted)) AS notified`,
      [
        runId,
        JSON.stringify(
          rows.map((e) => ({ seq: e.seq, type: e.type, payload: e.payload, at: e.at })),
        ),
        options.attempt,
        usageJson(),
        CHANNELS.runEvents,
        notifyInStatement,
        runId,
      ],
    );
    return result.rows[0]?.attempts === options.attempt;
  };
  // How many of this execution's events have seq <= `seq` (their index ends there).
  const through = (seq: number) => Math.max(0, seq - options.firstSeq + 1);
  const unpersisted = () => events.slice(through(persistedUpTo));
  const persisted = async (seq: number) => {
    persistedUpTo = seq;
    for (const listener of listeners) listener();
    await announce();
  };
  const writeLoop = async () => {
    for (let rows = unpersisted(); rows.length > 0 && !fenced; rows = unpersisted()) {
      if (!(await appendOwned(pool, rows))) return fence();
      await persisted(rows.at(-1)!.seq);
    }
  };
  // A failing write is retried after a pause that doubles up to 5 s (the database may be away
  // for a while), and logged once when writes start failing and once when they work again.
  const retryDelays = reconnectBackoff();
  let retryDelay: IBackoff<unknown> | null = null;
  let failedSince: number | null = null;
  const schedule = () => {
    writing ??= writeLoop()
      .then(() => {
        if (failedSince === null) return;
        options.logger.info(
          { runId, failedMs: Date.now() - failedSince },
          'run event writes resumed',
        );
        failedSince = null;
        retryDelay = null;
      })
      .catch(async (error: unknown) => {
        if (failedSince === null || !isDatabaseUnavailable(error)) {
          options.logger.error({ err: error, runId }, 'run event write failed; retrying');
        }
        failedSince ??= Date.now();
        retryDelay = retryDelay ? retryDelay.next(undefined) : retryDelays.next();
        const pause = retryDelay.duration;
        await new Promise((resolve) => setTimeout(resolve, pause));
      })
      .finally(() => {
        writing = null;
        if (unpersisted().length > 0 && !fenced) schedule();
      });
  };
  const flush = async () => {
    while (writing) await writing;
    if (unpersisted().length > 0) {
      await writeLoop();
    }
  };

  return {
    runId,
    firstSeq: options.firstSeq,
    get fenced() {
      return fenced;
    },
    emit(draft) {
      const event: RunEvent = {
        ...draft,
        runId,
        seq: options.firstSeq + events.length,
        at: new Date(),
      };
      events.push(event);
      if (!fenced) schedule();
      return event;
    },
    eventsAfter(seq) {
      return events.slice(through(seq), through(persistedUpTo));
    },
    onPersisted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async finish(final, finalize) {
      await flush();
      if (fenced) return null;
      const event: RunEvent = {
        ...final,
        runId,
        seq: options.firstSeq + events.length,
        at: new Date(),
      };
      try {
        await withTransaction(pool, async (client) => {
          if (!(await appendOwned(client, [event]))) throw new FencedError('run claimed elsewhere');
          await finalize(client);
        });
      } catch (error) {
        if (!(error instanceof FencedError)) throw error;
        fence();
        return null;
      }
      events.push(event);
      await persisted(event.seq);
      return event;
    },
    flush,
  };
}
