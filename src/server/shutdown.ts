import type { Logger } from '../logger.js';

/** Options of {@link onShutdownSignal}. */
export interface ShutdownOptions {
  logger: Logger;
  /** Closes everything in order. Called once, on the first signal. */
  shutdown: () => Promise<void>;
  /** Give up and exit 1 after this long. Default: 15 000 ms. */
  timeoutMs?: number;
  /** Default: `['SIGINT', 'SIGTERM']`. */
  signals?: NodeJS.Signals[];
}

/**
 * On SIGINT/SIGTERM: run `shutdown` once (drain HTTP and WebSocket, then close the pool and
 * PGlite, so an embedded database is never left mid-write), then exit. A second signal while
 * draining is ignored with a log line: killing PGlite mid-close is what corrupts it.
 */
export function onShutdownSignal(options: ShutdownOptions): void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger.warn({ signal }, 'already shutting down; waiting for the database to close');
      return;
    }
    shuttingDown = true;
    options.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error('shutdown timed out');
      process.exit(1);
    }, options.timeoutMs ?? 15_000);
    timer.unref();
    options
      .shutdown()
      .then(() => {
        options.logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM']) process.on(signal, handler);
}
