import { DelegateBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import { ModelCallError } from '../failures.js';

/** Options of {@link retryBackoff}. */
export interface RetryBackoffOptions {
  /** First delay before jitter. Default: 200 ms. */
  initialDelayMs?: number;
  /** Largest delay before jitter. Default: 5000 ms. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default: `Math.random`. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so no retry fires at once),
 * except that a server's `Retry-After` is obeyed exactly. The retry predicate has already refused
 * delays above the cap.
 */
export function retryBackoff(
  options: RetryBackoffOptions = {},
): IBackoffFactory<IRetryBackoffContext<unknown>> {
  const initial = options.initialDelayMs ?? 200;
  const max = options.maxDelayMs ?? 5000;
  const random = options.random ?? Math.random;
  return new DelegateBackoff<IRetryBackoffContext<unknown>, number>((context, attempt = 0) => {
    const error = 'error' in context.result ? context.result.error : undefined;
    const requested = error instanceof ModelCallError ? error.failure.retryAfterMs : undefined;
    const ceiling = Math.min(max, initial * 2 ** attempt);
    const delay = requested ?? ceiling / 2 + (random() * ceiling) / 2;
    return { delay, state: attempt + 1 };
  });
}
