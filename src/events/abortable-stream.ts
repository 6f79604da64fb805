/**
 * What `produce(signal)` yields, as an async generator whose `return()` (graphql-ws calls it
 * when a client unsubscribes or goes away) aborts `signal` at once, then waits for the producer
 * to end; `throw()` aborts it too. Every subscription resolver returns one: `return()` on an
 * async generator suspended in an `await` is only queued until its next `yield`, so a
 * subscription sleeping between re-checks would otherwise go on querying until its stream
 * ended. The producer must end promptly once `signal` aborts: its waits end on it (see
 * `WakeSignal.wait`) and it starts no more work.
 */
export function abortableStream<T>(
  produce: (signal: AbortSignal) => AsyncGenerator<T, void, undefined>,
): AsyncGenerator<T, void, undefined> {
  const controller = new AbortController();
  const source = produce(controller.signal);
  const stream: AsyncGenerator<T, void, undefined> = {
    [Symbol.asyncIterator]: () => stream,
    next: () => source.next(),
    return(value) {
      controller.abort();
      return source.return(value);
    },
    throw(error: unknown) {
      controller.abort();
      return source.throw(error);
    },
  };
  return stream;
}
