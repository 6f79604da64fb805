import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import {
  ModelCallError,
  ProviderHttpError,
  StreamTimeoutError,
  classifyModelError,
  failureOf,
  retryAfterMsOf,
} from '../../../src/models/failures.js';

const idle = { cancelled: false, outputStarted: false };
const streaming = { cancelled: false, outputStarted: true };
const http = (status: number, headers: Record<string, string> = {}) =>
  new ProviderHttpError(status, new Headers(headers));

describe('classifyModelError', () => {
  it('retries 408, 429 and 5xx and counts them against the breaker', () => {
    for (const status of [408, 429, 500, 502, 503]) {
      expect(classifyModelError(http(status), idle)).toEqual({
        code: `HTTP_${status}`,
        retryable: true,
        countsAsFailure: true,
      });
    }
  });

  it('never retries 400/401/403/404; only a bad request leaves the breaker alone', () => {
    expect(classifyModelError(http(400), idle)).toEqual({
      code: 'HTTP_400',
      retryable: false,
      countsAsFailure: false,
    });
    for (const status of [401, 403, 404]) {
      expect(classifyModelError(http(status), idle)).toMatchObject({
        retryable: false,
        countsAsFailure: true,
      });
    }
  });

  it('reads the delay a 429 asks for', () => {
    expect(classifyModelError(http(429, { 'retry-after': '1' }), idle).retryAfterMs).toBe(1000);
  });

  it('tells a connection error from a stream cut by whether output had started', () => {
    const terminated = new TypeError('terminated');
    expect(classifyModelError(terminated, idle).code).toBe('CONNECTION');
    expect(classifyModelError(terminated, streaming)).toEqual(failureOf('STREAM_CUT'));
    expect(failureOf('CONNECTION').retryable).toBe(true);
    expect(failureOf('STREAM_CUT').retryable).toBe(false);
  });

  it('maps watchdog and policy timeouts', () => {
    expect(classifyModelError(new StreamTimeoutError('first-token', 10), idle)).toEqual(
      failureOf('TIMEOUT'),
    );
    expect(classifyModelError(new StreamTimeoutError('stall', 10), streaming)).toEqual(
      failureOf('STREAM_STALL'),
    );
    expect(classifyModelError(new TaskCancelledError('timed out'), idle).code).toBe('TIMEOUT');
  });

  it('puts cancellation first, whatever the error looks like', () => {
    expect(classifyModelError(http(503), { cancelled: true, outputStarted: false })).toEqual(
      failureOf('CANCELLED'),
    );
  });

  it('recognises an open circuit and keeps already classified errors', () => {
    expect(classifyModelError(new BrokenCircuitError(), idle).code).toBe('CIRCUIT_OPEN');
    const known = new ModelCallError('m', failureOf('REFUSAL'));
    expect(classifyModelError(known, streaming)).toBe(known.failure);
  });
});

describe('retryAfterMsOf', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMsOf(http(429, { 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMsOf(http(429, { 'retry-after': 'Tue, 01 Jan 2030 00:00:03 GMT' }), now)).toBe(
      3000,
    );
    expect(retryAfterMsOf(http(429, { 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(
      250,
    );
    expect(retryAfterMsOf(http(429, { 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsOf(http(429), now)).toBeUndefined();
  });
});

describe('ModelCallError', () => {
  it('exposes a client-facing code and only ids and codes in details', () => {
    expect(new ModelCallError('primary', failureOf('TIMEOUT')).code).toBe('TIMEOUT');
    expect(new ModelCallError('primary', failureOf('CANCELLED')).code).toBe('CANCELLED');
    const error = new ModelCallError('primary', failureOf('STREAM_CUT'), {
      partialText: 'secret answer',
    });
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.details).toEqual({ model: 'primary', reason: 'STREAM_CUT' });
    expect(error.message).not.toContain('secret');
  });
});
