import type { IBackoff, IBackoffFactory, IHalfOpenAfterBackoffContext } from 'cockatiel';

/**
 * The `halfOpenAfter` of a cockatiel circuit breaker, timed by `coolingDown` instead of
 * cockatiel's own `Date.now()`: while `coolingDown()` is true an open circuit refuses calls;
 * once it is false the next call is the half-open probe. This lets the model policy's injected
 * clock (tests: a fake one) decide when a cool-down is over.
 */
export function clockedCoolDown(
  coolingDown: () => boolean,
): IBackoffFactory<IHalfOpenAfterBackoffContext> {
  // cockatiel reads `duration` on every call to an open circuit and compares it with the time
  // since it opened: infinite keeps it open, zero lets the probe through.
  const backoff: IBackoff<IHalfOpenAfterBackoffContext> = {
    get duration() {
      return coolingDown() ? Number.POSITIVE_INFINITY : 0;
    },
    next: () => backoff,
  };
  return { next: () => backoff };
}
