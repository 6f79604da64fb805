/** Recent-window figures of one model, as the GraphQL `models` field shows them. */
export interface CallStatsSnapshot {
  calls: number;
  failures: number;
  /** Median latency of the successful calls in the window; null when there were none. */
  p50LatencyMs: number | null;
  /** Code of the latest failure, however old; null when none happened. */
  lastErrorCode: string | null;
}

/** Options of {@link CallStats}. */
export interface CallStatsOptions {
  /** Clock in ms since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** How far back the window reaches. Default: 5 minutes. */
  windowMs?: number;
  /** Most calls kept in the window. Default: 1000. */
  maxCalls?: number;
}

interface Call {
  at: number;
  ok: boolean;
  latencyMs: number;
}

/** Calls, failures and latency of one model over a sliding window. */
export class CallStats {
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #maxCalls: number;
  #calls: Call[] = [];
  #lastErrorCode: string | null = null;

  constructor(options: CallStatsOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#windowMs = options.windowMs ?? 5 * 60_000;
    this.#maxCalls = options.maxCalls ?? 1000;
  }

  /** Records one request; `errorCode` marks it failed. */
  record(latencyMs: number, errorCode?: string): void {
    this.#calls.push({ at: this.#now(), ok: errorCode === undefined, latencyMs });
    if (errorCode !== undefined) this.#lastErrorCode = errorCode;
    if (this.#calls.length > this.#maxCalls)
      this.#calls.splice(0, this.#calls.length - this.#maxCalls);
  }

  /** The figures over the window as of now. */
  snapshot(): CallStatsSnapshot {
    const since = this.#now() - this.#windowMs;
    this.#calls = this.#calls.filter((call) => call.at >= since);
    const latencies = this.#calls
      .filter((call) => call.ok)
      .map((call) => call.latencyMs)
      .sort((a, b) => a - b);
    const middle = latencies[Math.floor((latencies.length - 1) / 2)];
    return {
      calls: this.#calls.length,
      failures: this.#calls.filter((call) => !call.ok).length,
      p50LatencyMs: middle === undefined ? null : Math.round(middle),
      lastErrorCode: this.#lastErrorCode,
    };
  }
}
