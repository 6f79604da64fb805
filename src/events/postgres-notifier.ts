import pg from 'pg';
import type { Logger } from '../logger.js';
import { createInProcessNotifier } from './in-process-notifier.js';
import { CHANNELS, type Notifier } from './notifier.js';

/** Options of {@link createPostgresNotifier}. */
export interface PostgresNotifierOptions {
  /** Connection string for the dedicated LISTEN connection. */
  url: string;
  /** Publishes through this pool (`pg_notify`). */
  pool: pg.Pool;
  logger: Logger;
  /** Wait before reconnecting a lost LISTEN connection. Default: 1000 ms. */
  reconnectDelayMs?: number;
}

/**
 * Cross-replica fan-out through Postgres LISTEN/NOTIFY: one dedicated connection per process
 * listens on every channel in use and re-emits locally. A lost connection is re-opened; the
 * notifications missed meanwhile are covered by subscribers' periodic re-checks.
 */
export async function createPostgresNotifier(options: PostgresNotifierOptions): Promise<Notifier> {
  const local = createInProcessNotifier();
  let client: pg.Client | null = null;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.url,
      application_name: 'ballast-listen',
    });
    next.on('notification', (message) => {
      if (message.payload) void local.publish(message.channel, message.payload);
    });
    next.on('error', (error) => {
      options.logger.warn({ err: error }, 'notification connection lost; reconnecting');
      client = null;
      next.end().catch(() => undefined);
      if (!closed)
        setTimeout(() => void connect().catch(() => undefined), options.reconnectDelayMs ?? 1000);
    });
    await next.connect();
    // Every channel is listened to once per connection: per-subscriber LISTEN/UNLISTEN would
    // race on this one connection and cost a round trip each.
    for (const channel of Object.values(CHANNELS)) {
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    client = next;
  };
  await connect();

  return {
    hearsDatabase: true,
    async publish(channel, id) {
      await options.pool.query('SELECT pg_notify($1, $2)', [channel, id]);
    },
    subscribe(channel, listener) {
      return local.subscribe(channel, listener);
    },
    async close() {
      closed = true;
      await local.close();
      await client?.end().catch(() => undefined);
    },
  };
}
