/** What {@link waitFor} reads, what it waits for, and for how long. */
export interface WaitSpec<V> {
  /** What is awaited, for the failure message: "ingest job SUCCEEDED". */
  what: string;
  /** Reads the current value (a status, a row, a list). A throw fails the wait at once. */
  read: () => Promise<V> | V;
  /** Whether the value is the awaited one. */
  until: (value: V) => boolean;
  /** A value that can no longer become the awaited one (a run that FAILED): fail at once. */
  failWhen?: (value: V) => boolean;
  /** The deadline, counted from the call; a read still pending then does not extend it. */
  timeoutMs: number;
  /** Pause between reads. Default: 50 ms. */
  intervalMs?: number;
}

/**
 * Reads `spec.read()` until `spec.until` accepts the value and returns that value. Fails, naming
 * `what` and the last value read, when the deadline passes or `failWhen` accepts a value.
 */
export async function waitFor<V>(spec: WaitSpec<V>): Promise<V>;
/** Polls `probe` every 50 ms until it returns a value; rejects after `timeoutMs` (default 30 s). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs?: number,
): Promise<T>;
export async function waitFor<T>(
  specOrProbe: WaitSpec<T> | (() => Promise<T | undefined>),
  timeoutMs = 30_000,
): Promise<T> {
  if (typeof specOrProbe !== 'function') return waitForSpec(specOrProbe);
  const value = await waitForSpec<T | undefined>({
    what: 'a value',
    read: specOrProbe,
    until: (v) => v !== undefined,
    timeoutMs,
  });
  return value as T;
}

async function waitForSpec<V>(spec: WaitSpec<V>): Promise<V> {
  const deadline = Date.now() + spec.timeoutMs;
  const failure = (why: string, last: unknown) =>
    new Error(`${why} waiting for ${spec.what}; last value read: ${show(last)}`);
  let last: unknown = '(none yet)';
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const read = await Promise.race([
      Promise.resolve(spec.read()).then((value) => ({ value })),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), Math.max(deadline - Date.now(), 0));
      }),
    ]).finally(() => clearTimeout(timer));
    if (read === null) throw failure(`timed out after ${spec.timeoutMs} ms (a read hung)`, last);
    last = read.value;
    if (spec.until(read.value)) return read.value;
    if (spec.failWhen?.(read.value)) throw failure('gave up', last);
    if (Date.now() >= deadline) throw failure(`timed out after ${spec.timeoutMs} ms`, last);
    await new Promise((r) => setTimeout(r, spec.intervalMs ?? 50));
  }
}

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}
