/** A signal that aborts when any source does, and a `dispose` that detaches it from them. */
export interface LinkedSignal {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Links signals; `undefined`s are ignored. Unlike `AbortSignal.any`, listeners are removed on
 * `dispose`, so linking a long-lived signal (shutdown) per call leaks nothing.
 */
export function linkSignals(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const attached: { source: AbortSignal; listener: () => void }[] = [];
  const dispose = (): void => {
    for (const { source, listener } of attached) source.removeEventListener('abort', listener);
    attached.length = 0;
  };
  for (const source of sources) {
    if (source === undefined) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      dispose();
      break;
    }
    const listener = (): void => {
      controller.abort(source.reason);
      dispose();
    };
    source.addEventListener('abort', listener, { once: true });
    attached.push({ source, listener });
  }
  return { signal: controller.signal, dispose };
}
