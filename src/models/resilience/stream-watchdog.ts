import { StreamTimeoutError } from '../failures.js';

/**
 * Aborts its signal when a stream's first token takes longer than `firstTokenMs`, or when,
 * once tokens flow, the gap between two of them exceeds `stallMs`. The abort reason is a
 * {@link StreamTimeoutError} naming the phase.
 */
export class StreamWatchdog {
  readonly #controller = new AbortController();
  readonly #stallMs: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(firstTokenMs: number, stallMs: number) {
    this.#stallMs = stallMs;
    this.#arm('first-token', firstTokenMs);
  }

  /** Aborted when the stream went silent for too long. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Call on every token: switches to (or restarts) the stall timer. */
  tokenArrived(): void {
    this.#arm('stall', this.#stallMs);
  }

  /** Stops the timer. */
  dispose(): void {
    clearTimeout(this.#timer);
  }

  #arm(phase: 'first-token' | 'stall', ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#controller.abort(new StreamTimeoutError(phase, ms)), ms);
  }
}
