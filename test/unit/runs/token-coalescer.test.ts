import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenCoalescer } from '../../../src/runs/token-coalescer.js';

describe('createTokenCoalescer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes the first token on at once and merges the next ones for the window', () => {
    vi.useFakeTimers();
    const flushed: string[] = [];
    const coalescer = createTokenCoalescer({ windowMs: 25, flush: (t) => flushed.push(t) });
    coalescer.push('Parental');
    expect(flushed).toEqual(['Parental']);
    coalescer.push(' leave');
    coalescer.push(' is');
    expect(flushed).toEqual(['Parental']);
    vi.advanceTimersByTime(25);
    expect(flushed).toEqual(['Parental', ' leave is']);
  });

  it('passes merged text on once it reaches maxChars, so an instant stream still comes in pieces', () => {
    vi.useFakeTimers();
    const flushed: string[] = [];
    const coalescer = createTokenCoalescer({ maxChars: 10, flush: (t) => flushed.push(t) });
    const words = 'Parental leave is sixteen weeks at full pay for every parent.'.split(/(?= )/);
    for (const word of words) coalescer.push(word);
    coalescer.drain();
    expect(flushed.join('')).toBe(words.join(''));
    expect(flushed.length).toBeGreaterThanOrEqual(5);
    for (const delta of flushed.slice(1, -1)) expect(delta.length).toBeGreaterThanOrEqual(10);
    // Nothing was left for the timer: every piece went out without waiting.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts over after reset: the next token is passed on at once again', () => {
    const flushed: string[] = [];
    const coalescer = createTokenCoalescer({ windowMs: 1_000, flush: (t) => flushed.push(t) });
    coalescer.push('a');
    coalescer.push('b');
    coalescer.reset();
    coalescer.push('c');
    expect(flushed).toEqual(['a', 'b', 'c']);
    coalescer.drain();
  });
});
