import { describe, expect, it } from 'vitest';
import { abortableStream } from '../../../src/events/abortable-stream.js';
import { createWakeSignal } from '../../../src/events/wake-signal.js';

const DEADLINE_MS = 5_000;

/** Whether `promise` settles before the deadline (it never rejects here). */
function settles(promise: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), DEADLINE_MS);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('WakeSignal.wait with a signal', () => {
  it('resolves as soon as the signal aborts, and at once when it already has', async () => {
    const wake = createWakeSignal();
    const controller = new AbortController();
    const waiting = wake.wait(controller.signal);
    controller.abort();
    expect(await settles(waiting)).toBe(true);
    expect(await settles(wake.wait(controller.signal))).toBe(true);
  });
});

describe('abortableStream', () => {
  it('ends a producer asleep between polls at return(), without another poll', async () => {
    let polls = 0;
    let cleanedUp = false;
    const stream = abortableStream(async function* (signal) {
      const wake = createWakeSignal();
      try {
        yield 'first';
        while (!signal.aborted) {
          polls++;
          await wake.wait(signal);
        }
      } finally {
        cleanedUp = true;
      }
    });
    expect((await stream.next()).value).toBe('first');
    const pending = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(polls).toBe(1);

    expect(await settles(stream.return())).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
    expect({ polls, cleanedUp }).toEqual({ polls: 1, cleanedUp: true });
  });

  it('never starts a producer closed before its first step', async () => {
    let started = false;
    const stream = abortableStream(async function* () {
      started = true;
      yield 1;
    });
    await stream.return();
    expect((await stream.next()).done).toBe(true);
    expect(started).toBe(false);
  });
});
