import type pg from 'pg';
import { CHANNELS, type Notifier } from '../events/notifier.js';
import { readRunEvents } from './find-runs.js';
import type { RunEvent } from './run-event.js';

/** Options of {@link RunLogFeed}. */
export interface RunLogFeedOptions {
  /**
   * Whether a run executes in this process: its subscriptions read its writer's memory, so an
   * announcement only wakes them. Default: never.
   */
  executesHere?: (runId: string) => boolean;
  /** Events kept in memory per followed run; a follower further behind reads the log. Default: 500. */
  maxHeldEvents?: number;
  /** Events read per query. Default: 1000 (the log's page). */
  pageSize?: number;
}

/** One subscription's view of a run followed through {@link RunLogFeed}. */
export interface RunLogFollower {
  /**
   * The stored events after `seq`, consecutive, from memory; `undefined` when the feed no
   * longer holds (or cannot read) what follows `seq`: the caller reads the log itself.
   */
  eventsAfter(seq: number): RunEvent[] | undefined;
  /**
   * Calls `listener` after each read that found new events or failed, and on each announcement
   * of a run executing here; returns the unsubscribe function.
   */
  onChange(listener: () => void): () => void;
  /** Stops following; the run's reader goes when its last follower does. */
  release(): void;
}

interface FollowedRun {
  runId: string;
  /** `events` hold seq `base + 1` onwards, without a gap. */
  base: number;
  events: RunEvent[];
  followers: number;
  listeners: Set<() => void>;
  reading: boolean;
  /** Announced while a read was in flight: read once more after it. */
  again: boolean;
  /** The last read failed: followers read the log themselves, and meet the failure there. */
  failed: boolean;
}

/**
 * The event log of runs that execute elsewhere (queued, or in another replica), read once per
 * announcement and process however many subscriptions follow the run: a notification costs one
 * query per run, not one per subscriber, and a run that nothing announces costs none. A gap in
 * notifications (the LISTEN connection came back) re-reads every followed run. Runs executing
 * in this process are read from their writer's memory instead (see `ActiveRuns`): for them an
 * announcement only wakes the followers.
 */
export class RunLogFeed {
  readonly #runs = new Map<string, FollowedRun>();
  readonly #pool: pg.Pool;
  readonly #maxHeld: number;
  readonly #pageSize: number;
  readonly #detach: (() => void)[];
  readonly #executesHere: (runId: string) => boolean;

  constructor(pool: pg.Pool, notifier: Notifier, options: RunLogFeedOptions = {}) {
    this.#pool = pool;
    this.#maxHeld = options.maxHeldEvents ?? 500;
    this.#pageSize = options.pageSize ?? 1000;
    this.#executesHere = options.executesHere ?? (() => false);
    this.#detach = [
      notifier.subscribe(CHANNELS.runEvents, (runId) => {
        const run = this.#runs.get(runId);
        if (!run) return;
        if (this.#executesHere(runId)) this.#changed(run);
        else void this.#read(run);
      }),
      notifier.onReconnect(() => {
        for (const run of this.#runs.values()) void this.#read(run);
      }),
    ];
  }

  /**
   * Follows `runId` from `afterSeq`: the first follower of a run starts its reader there (and
   * reads at once: what was stored before the call is not announced again).
   */
  follow(runId: string, afterSeq: number): RunLogFollower {
    let run = this.#runs.get(runId);
    if (!run) {
      run = {
        runId,
        base: afterSeq,
        events: [],
        followers: 0,
        listeners: new Set(),
        reading: false,
        again: false,
        failed: false,
      };
      this.#runs.set(runId, run);
      if (!this.#executesHere(runId)) void this.#read(run);
    }
    run.followers++;
    const followed = run;
    const own = new Set<() => void>();
    let released = false;
    return {
      eventsAfter: (seq) => {
        if (followed.failed || seq < followed.base) return undefined;
        return followed.events.slice(seq - followed.base);
      },
      onChange: (listener) => {
        const entry = () => listener();
        own.add(entry);
        followed.listeners.add(entry);
        return () => {
          own.delete(entry);
          followed.listeners.delete(entry);
        };
      },
      release: () => {
        if (released) return;
        released = true;
        for (const entry of own) followed.listeners.delete(entry);
        if (--followed.followers === 0 && this.#runs.get(runId) === followed) {
          this.#runs.delete(runId);
        }
      },
    };
  }

  /** Runs followed now (for tests and metrics). */
  get size(): number {
    return this.#runs.size;
  }

  /** Stops listening for announcements. */
  close(): void {
    for (const detach of this.#detach) detach();
    this.#runs.clear();
  }

  async #read(run: FollowedRun): Promise<void> {
    if (run.reading) {
      run.again = true;
      return;
    }
    run.reading = true;
    try {
      do {
        run.again = false;
        await this.#readToEnd(run);
      } while (run.again && this.#runs.get(run.runId) === run);
    } finally {
      run.reading = false;
    }
  }

  async #readToEnd(run: FollowedRun): Promise<void> {
    for (;;) {
      let page: RunEvent[];
      try {
        page = await readRunEvents(
          this.#pool,
          run.runId,
          run.base + run.events.length,
          this.#pageSize,
        );
      } catch {
        run.failed = true;
        this.#changed(run);
        return;
      }
      run.failed = false;
      let added = 0;
      for (const event of page) {
        // Never skip: an event stored out of order waits for the one before it.
        if (event.seq !== run.base + run.events.length + 1) break;
        run.events.push(event);
        added++;
      }
      if (run.events.length > this.#maxHeld) {
        const dropped = run.events.length - Math.floor(this.#maxHeld / 2);
        run.events.splice(0, dropped);
        run.base += dropped;
      }
      if (added > 0) this.#changed(run);
      if (added < this.#pageSize) return;
    }
  }

  #changed(run: FollowedRun): void {
    for (const listener of [...run.listeners]) listener();
  }
}
