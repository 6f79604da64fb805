/**
 * Lets a loop sleep until something happens: a subscription waits here between reads, at no
 * cost, and is woken by a notification or by its own close.
 */
export interface WakeSignal {
  /** Wakes the current or the next `wait`. */
  notify(): void;
  /**
   * Resolves on `notify` (even one that came before the call) or as soon as `signal` aborts (at
   * once if it already has): a closed subscription must not sleep on. Never rejects.
   */
  wait(signal?: AbortSignal): Promise<void>;
}

/** A new {@link WakeSignal}. */
export function createWakeSignal(): WakeSignal {
  let pending = false;
  let wake: (() => void) | null = null;
  return {
    notify() {
      pending = true;
      wake?.();
    },
    wait(signal) {
      if (pending || signal?.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        signal?.addEventListener('abort', done, { once: true });
        function done() {
          signal?.removeEventListener('abort', done);
          wake = null;
          pending = false;
          resolve();
        }
        wake = done;
      });
    },
  };
}
