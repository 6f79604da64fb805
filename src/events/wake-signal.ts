/** Lets a loop sleep until something happens or a timeout passes, whichever comes first. */
export interface WakeSignal {
  /** Wakes the current or the next `wait`. */
  notify(): void;
  /**
   * Resolves on `notify` (even one that came before the call), after `ms`, or as soon as
   * `signal` aborts (at once if it already has): a closed subscription must not sleep on.
   * Never rejects. Default `signal`: none.
   */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
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
    wait(ms, signal) {
      if (pending || signal?.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
          clearTimeout(timer);
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
