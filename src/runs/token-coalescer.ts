/** Options of {@link createTokenCoalescer}. */
export interface TokenCoalescerOptions {
  /** Longest time a token waits to be merged with the next ones. Default: 25 ms. */
  windowMs?: number;
  /** Receives merged text, in order. */
  flush: (text: string) => void;
}

/** Merges a stream of small token texts into fewer, larger deltas. */
export interface TokenCoalescer {
  /** Adds text: the first token of a stream is passed on at once (time to first token
   * matters most); later ones are merged for up to `windowMs`. */
  push(text: string): void;
  /** Passes on whatever is pending now (before any non-token event, to keep order). */
  drain(): void;
  /** Starts a new stream: the next token is passed on at once again. */
  reset(): void;
}

/**
 * Coalesces token deltas so a long answer becomes tens of events, not thousands, while the
 * first token is never delayed.
 */
export function createTokenCoalescer(options: TokenCoalescerOptions): TokenCoalescer {
  const windowMs = options.windowMs ?? 25;
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  let first = true;
  const drain = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending === '') return;
    const text = pending;
    pending = '';
    options.flush(text);
  };
  return {
    push(text) {
      if (text === '') return;
      if (first) {
        first = false;
        options.flush(text);
        return;
      }
      pending += text;
      timer ??= setTimeout(drain, windowMs);
    },
    drain,
    reset() {
      drain();
      first = true;
    },
  };
}
