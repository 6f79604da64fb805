import { ExponentialBackoff, halfJitterGenerator } from 'cockatiel';

/** Options of {@link reconnectBackoff}. */
export interface ReconnectBackoffOptions {
  /** First pause. Default: 100 ms. */
  initialDelayMs?: number;
  /** Cap of the pause. Default: 5000 ms. */
  maxDelayMs?: number;
}

/**
 * The one pause schedule for everything that waits for the database to come back (the LISTEN
 * connection, a paused run, the event writer): doubling from `initialDelayMs` up to
 * `maxDelayMs`, each pause between half and all of the current delay (half jitter), so
 * processes that lost the database together do not all retry in the same instant.
 */
export function reconnectBackoff(
  options: ReconnectBackoffOptions = {},
): ExponentialBackoff<unknown> {
  return new ExponentialBackoff({
    generator: halfJitterGenerator,
    initialDelay: options.initialDelayMs ?? 100,
    maxDelay: options.maxDelayMs ?? 5000,
  });
}
