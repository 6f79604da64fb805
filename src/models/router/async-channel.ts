type Waiter<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

/**
 * A push-to-pull bridge: a producer `push`es items and then `close`s or `fail`s; one consumer
 * iterates them in order. Items pushed after the end are dropped, so a producer that outlives
 * its consumer (an attempt still winding down after a timeout) cannot leak output.
 */
export class AsyncChannel<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  #waiter: Waiter<T> | undefined;
  #ended = false;
  #error: { error: unknown } | undefined;

  /** Queues `item`; false when the channel has already ended. */
  push(item: T): boolean {
    if (this.#ended) return false;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (waiter) waiter.resolve({ value: item, done: false });
    else this.#items.push(item);
    return true;
  }

  /** Ends the channel once the queued items are consumed. */
  close(): void {
    this.#end(undefined);
  }

  /** Ends the channel with `error`, thrown after the queued items are consumed. */
  fail(error: unknown): void {
    this.#end({ error });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.#items.length > 0) {
          return Promise.resolve({ value: this.#items.shift() as T, done: false });
        }
        if (this.#error) return Promise.reject(this.#error.error);
        if (this.#ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          this.#waiter = { resolve, reject };
        });
      },
    };
  }

  #end(error: { error: unknown } | undefined): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (!waiter) return;
    if (error) waiter.reject(error.error);
    else waiter.resolve({ value: undefined, done: true });
  }
}
