/** Lets a loop sleep until something happens or a timeout passes, whichever comes first. */
export interface WakeSignal {
  /** Wakes the current or the next `wait`. */
  notify(): void;
  /** Resolves on `notify` (even one that came before the call) or after `ms`. */
  wait(ms: number): Promise<void>;
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
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          pending = false;
          resolve();
        }
        wake = done;
      });
    },
  };
}
