/**
 * Tells interested parties that something changed: carries ids only, never the data, which
 * subscribers re-read from the database (LISTEN/NOTIFY payloads stop at 8000 bytes and are
 * not durable). Subscribers must also cope with a missed notification (they re-check).
 */
export interface Notifier {
  /** Announces `id` on `channel`. */
  publish(channel: string, id: string): Promise<void>;
  /**
   * True when subscribers hear `pg_notify` run by any SQL statement on the database (the
   * Postgres notifier): a writer may then announce inside its own statement, in the same round
   * trip and atomically with its write, instead of calling `publish` after it.
   */
  readonly hearsDatabase: boolean;
  /** Calls `listener` for every id published on `channel`; returns the unsubscribe function. */
  subscribe(channel: string, listener: (id: string) => void): () => void;
  close(): Promise<void>;
}

/** Channel names, one per kind of change. */
export const CHANNELS = {
  ingestJob: 'ballast_ingest_job',
  /** New events of a run were persisted (payload: run id). */
  runEvents: 'ballast_run_events',
  /** A run was asked to stop (payload: run id). */
  runCancel: 'ballast_run_cancel',
} as const;
