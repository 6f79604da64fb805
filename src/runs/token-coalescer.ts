/** Options of {@link createTokenCoalescer}. */
export interface TokenCoalescerOptions {
  /** Longest time a token waits to be merged with the next ones. Default: 25 ms. */
  windowMs?: number;
  /**
   * Merged text is passed on as soon as it holds this many characters, without waiting for
   * the window. Default: 32 (about six words).
   */
  maxChars?: number;
  /** Receives merged text, in order. */
  flush: (text: string) => void;
}

/** Merges a stream of small token texts into fewer, larger deltas. */
export interface TokenCoalescer {
  /** Adds text: the first token of a stream is passed on at once (time to first token
   * matters most); later ones are merged for up to `windowMs` or `maxChars`. */
  push(text: string): void;
  /** Passes on whatever is pending now (before any non-token event, to keep order). */
  drain(): void;
  /** Starts a new stream: the next token is passed on at once again. */
  reset(): void;
}

/**
 * Coalesces token deltas so a long answer becomes tens of events, not thousands, while the
 * first token is never delayed. The size bound keeps a model faster than the window (the
 * local model, which streams a whole answer within a few milliseconds) streaming in pieces a
 * client renders as they come, instead of one block.
 */
export function createTokenCoalescer(options: TokenCoalescerOptions): TokenCoalescer {
  const windowMs = options.windowMs ?? 25;
  const maxChars = options.maxChars ?? 32;
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
      if (pending.length >= maxChars) drain();
      else timer ??= setTimeout(drain, windowMs);
    },
    drain,
    reset() {
      drain();
      first = true;
    },
  };
}
