/**
 * Tells interested parties that something changed: carries ids only, never the data, which
 * subscribers re-read from the database (LISTEN/NOTIFY payloads stop at 8000 bytes and are
 * not durable). Subscribers must also cope with a missed notification (they re-check).
 */
export interface Notifier {
  /**
   * Announces `id` on `channel`.
   * @throws {NotifierUnavailableError} at once while the notifier has lost its database.
   */
  publish(channel: string, id: string): Promise<void>;
  /**
   * True when subscribers hear `pg_notify` run by any SQL statement on the database (the
   * Postgres notifier): a writer may then announce inside its own statement, in the same round
   * trip and atomically with its write, instead of calling `publish` after it.
   */
  readonly hearsDatabase: boolean;
  /** Calls `listener` for every id published on `channel`; returns the unsubscribe function. */
  subscribe(channel: string, listener: (id: string) => void): () => void;
  /**
   * Calls `listener` each time delivery resumes after a gap (the Postgres notifier lost its
   * database connection and has it back): whatever was published meanwhile, on any channel,
   * was not delivered, so a subscriber re-checks everything it watches, as if it had heard
   * every id. Never called by the in-process notifier, which has no gaps. Returns the
   * unsubscribe function.
   */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/** What `publish` throws while notifications cannot reach the database, instead of waiting. */
export class NotifierUnavailableError extends Error {
  constructor(channel: string, options?: ErrorOptions) {
    super(`cannot announce on ${channel}: the notification connection is lost`, options);
    this.name = 'NotifierUnavailableError';
  }
}

/** Channel names, one per kind of change. */
export const CHANNELS = {
  ingestJob: 'ballast_ingest_job',
  /** New events of a run were persisted (payload: run id). */
  runEvents: 'ballast_run_events',
  /** A run was asked to stop (payload: run id). */
  runCancel: 'ballast_run_cancel',
} as const;
