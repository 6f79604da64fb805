import { handleAll, retry } from 'cockatiel';
import pg from 'pg';
import { reconnectBackoff } from '../db/reconnect-backoff.js';
import type { Logger } from '../logger.js';
import { createInProcessNotifier } from './in-process-notifier.js';
import { CHANNELS, NotifierUnavailableError, type Notifier } from './notifier.js';

/** Options of {@link createPostgresNotifier}. */
export interface PostgresNotifierOptions {
  /** Connection string for the dedicated LISTEN connection. */
  url: string;
  /** Publishes through this pool (`pg_notify`). */
  pool: pg.Pool;
  logger: Logger;
  /** First wait before reconnecting a lost LISTEN connection, doubled per failure. Default: 100 ms. */
  reconnectDelayMs?: number;
  /** Cap of that wait. Default: 5000 ms. */
  maxReconnectDelayMs?: number;
}

// A connection attempt to a host that does not answer would otherwise stall the retries.
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Cross-replica fan-out through Postgres LISTEN/NOTIFY: one dedicated connection per process
 * listens on every channel in use and re-emits locally. A lost connection is re-opened, forever,
 * with capped exponential backoff (half jitter: each wait is between half and all of the current
 * delay); the loss and the return are logged once each, not every attempt. Once back, the
 * `onReconnect` listeners are called: what was published meanwhile was missed. While it is lost,
 * `publish` rejects at once with {@link NotifierUnavailableError}.
 * @throws when the first connection cannot be opened.
 */
export async function createPostgresNotifier(options: PostgresNotifierOptions): Promise<Notifier> {
  const { logger } = options;
  const local = createInProcessNotifier();
  const reconnectListeners = new Set<() => void>();
  const closing = new AbortController();
  let client: pg.Client | null = null;
  let lostAt: number | null = null;

  // Unref: a sleeping retry must not keep a closed process alive.
  const reconnectPolicy = retry(handleAll, {
    maxAttempts: Infinity,
    backoff: reconnectBackoff({
      ...(options.reconnectDelayMs ? { initialDelayMs: options.reconnectDelayMs } : {}),
      ...(options.maxReconnectDelayMs ? { maxDelayMs: options.maxReconnectDelayMs } : {}),
    }),
  }).dangerouslyUnref();

  /** Opens a connection listening on every channel, or throws. */
  const open = async (): Promise<pg.Client> => {
    const next = new pg.Client({
      connectionString: options.url,
      application_name: 'ballast-listen',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    let dead = false;
    const onGone = (error?: Error) => {
      dead = true;
      if (client === next) lose(next, error);
    };
    // 'error' must always have a listener: an unhandled one would crash the process. pg emits
    // 'error' then 'end' for one loss; only the first finds `next` current.
    next.on('error', onGone);
    next.on('end', () => onGone());
    next.on('notification', (message) => {
      if (message.payload) void local.publish(message.channel, message.payload);
    });
    try {
      await next.connect();
      // Every channel is listened to once per connection: per-subscriber LISTEN/UNLISTEN would
      // race on this one connection and cost a round trip each.
      for (const channel of Object.values(CHANNELS)) {
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      if (dead) throw new Error('notification connection lost while subscribing');
      return next;
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
  };

  const lose = (lost: pg.Client, error: Error | undefined): void => {
    client = null;
    void lost.end().catch(() => undefined);
    if (closing.signal.aborted) return;
    lostAt = Date.now();
    logger.warn({ err: error }, 'notification connection lost; reconnecting');
    void reconnect();
  };

  const reconnect = async (): Promise<void> => {
    let attempts = 0;
    let next: pg.Client;
    try {
      next = await reconnectPolicy.execute(({ signal }) => {
        if (signal.aborted) throw new Error('notifier closed');
        attempts++;
        return open();
      }, closing.signal);
    } catch {
      return; // closed: the only way out of endless retries
    }
    if (closing.signal.aborted) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    logger.info(
      { attempts, downMs: Date.now() - (lostAt ?? Date.now()) },
      'notification connection restored',
    );
    lostAt = null;
    for (const listener of reconnectListeners) {
      try {
        listener();
      } catch (error) {
        logger.error({ err: error }, 'notifier reconnect listener failed');
      }
    }
  };

  client = await open();

  return {
    hearsDatabase: true,
    async publish(channel, id) {
      if (lostAt !== null) throw new NotifierUnavailableError(channel);
      await options.pool.query('SELECT pg_notify($1, $2)', [channel, id]);
    },
    subscribe(channel, listener) {
      return local.subscribe(channel, listener);
    },
    onReconnect(listener) {
      // One entry per call, as `subscribe` does: the same function registered twice runs twice.
      const entry = () => listener();
      reconnectListeners.add(entry);
      return () => {
        reconnectListeners.delete(entry);
      };
    },
    async close() {
      closing.abort();
      reconnectListeners.clear();
      await local.close();
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
