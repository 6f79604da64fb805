import { isBrokenCircuitError } from 'cockatiel';
import { AppError, type ErrorCode } from '../errors.js';

/**
 * Why a model call failed: the `reason` of a `ModelAttempt` and of a `fallback` event.
 * `STREAM_CUT`/`STREAM_STALL` mean the stream broke or went silent after it had started.
 */
export type FailureCode =
  | 'TIMEOUT'
  | 'STREAM_STALL'
  | 'STREAM_CUT'
  | 'CONNECTION'
  | `HTTP_${number}`
  | 'REFUSAL'
  | 'INVALID_OUTPUT'
  | 'CIRCUIT_OPEN'
  | 'CANCELLED'
  | 'UNSUPPORTED'
  | 'UNKNOWN';

/** A classified failure: what the retry policy and the circuit breaker decide on. */
export interface ModelFailure {
  code: FailureCode;
  /** Another attempt on the same model may succeed. */
  retryable: boolean;
  /** Counts towards the model's circuit breaker (the provider looks unhealthy). */
  countsAsFailure: boolean;
  /** Delay the server asked for (`Retry-After` / `retry-after-ms`). */
  retryAfterMs?: number;
}

// [retryable, countsAsFailure] per code. A stream that broke after it started is not retried on
// the same model: the graph's fallback edge continues it on the next one. Refusals, invalid
// output and unsupported tasks are about this request, not about the provider's health.
const POLICY: Record<Exclude<FailureCode, `HTTP_${number}`>, readonly [boolean, boolean]> = {
  TIMEOUT: [true, true],
  CONNECTION: [true, true],
  STREAM_STALL: [false, true],
  STREAM_CUT: [false, true],
  UNKNOWN: [false, true],
  REFUSAL: [false, false],
  INVALID_OUTPUT: [false, false],
  CIRCUIT_OPEN: [false, false],
  CANCELLED: [false, false],
  UNSUPPORTED: [false, false],
};

/** The failure of a non-HTTP code, with its retry and breaker policy. */
export function failureOf(code: keyof typeof POLICY): ModelFailure {
  const [retryable, countsAsFailure] = POLICY[code];
  return { code, retryable, countsAsFailure };
}

/** The failure of an HTTP error status, with the delay the server asked for, if any. */
export function httpFailureOf(status: number, retryAfterMs?: number): ModelFailure {
  // 408/429/5xx are the provider's transient state; 401/403/404 mean this model is unusable as
  // configured (skip it quickly); other 4xx are about this request only.
  const retryable = status === 408 || status === 429 || status >= 500;
  const countsAsFailure = retryable || status === 401 || status === 403 || status === 404;
  const failure: ModelFailure = { code: `HTTP_${status}`, retryable, countsAsFailure };
  return retryAfterMs === undefined ? failure : { ...failure, retryAfterMs };
}

/** Thrown by the first-token and stall watchdogs of a stream. */
export class StreamTimeoutError extends Error {
  readonly phase: 'first-token' | 'stall';
  constructor(phase: 'first-token' | 'stall', ms: number) {
    super(`no ${phase === 'first-token' ? 'first token' : 'token'} within ${ms} ms`);
    this.name = 'StreamTimeoutError';
    this.phase = phase;
  }
}

/** An HTTP error status from a provider called with plain `fetch`. */
export class ProviderHttpError extends Error {
  readonly status: number;
  readonly headers: Headers;
  constructor(status: number, headers: Headers) {
    super(`provider answered HTTP ${status}`);
    this.name = 'ProviderHttpError';
    this.status = status;
    this.headers = headers;
  }
}

/** Context that decides between look-alike failures. */
export interface ClassifyContext {
  /** The caller (or shutdown) aborted: nothing failed, the work is unwanted. */
  cancelled: boolean;
  /** This attempt had already delivered output, so a break is a cut, not a connect error. */
  outputStarted: boolean;
}

/** Classifies anything a provider call threw. The one place that knows provider error shapes. */
export function classifyModelError(error: unknown, ctx: ClassifyContext): ModelFailure {
  if (error instanceof ModelCallError) return error.failure;
  if (ctx.cancelled) return failureOf('CANCELLED');
  if (isBrokenCircuitError(error)) return failureOf('CIRCUIT_OPEN');
  if (error instanceof StreamTimeoutError) {
    return failureOf(error.phase === 'stall' || ctx.outputStarted ? 'STREAM_STALL' : 'TIMEOUT');
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400) {
    return httpFailureOf(status, retryAfterMsOf(error));
  }
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (isTaskCancelled(error) || name === 'AbortError' || name === 'TimeoutError') {
    return failureOf(ctx.outputStarted ? 'STREAM_STALL' : 'TIMEOUT');
  }
  if (isConnectionError(error)) return failureOf(ctx.outputStarted ? 'STREAM_CUT' : 'CONNECTION');
  return failureOf('UNKNOWN');
}

/** Reads `retry-after-ms` or `Retry-After` (seconds or an HTTP date) from an error's headers. */
export function retryAfterMsOf(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = (headers as Record<string, unknown> | null | undefined)?.[name];
    return typeof value === 'string' ? value : null;
  };
  const ms = get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number(ms) >= 0) return Number(ms);
  const raw = get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// cockatiel 3.2.1's own isTaskCancelledError tests the wrong marker property.
function isTaskCancelled(error: unknown): boolean {
  return error instanceof Error && 'isTaskCancelledError' in error;
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // openai's APIConnectionError, undici's "fetch failed"/"terminated", raw socket errors.
  if (error.constructor.name === 'APIConnectionError') return true;
  if (
    error instanceof TypeError &&
    /fetch failed|terminated|other side closed/i.test(error.message)
  ) {
    return true;
  }
  const code =
    (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return (
    typeof code === 'string' && /^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR)/.test(code)
  );
}

function appCodeOf(code: FailureCode): ErrorCode {
  if (code === 'CANCELLED') return 'CANCELLED';
  if (code === 'INVALID_OUTPUT') return 'INVALID_MODEL_OUTPUT';
  if (code === 'TIMEOUT') return 'TIMEOUT';
  return 'MODEL_UNAVAILABLE';
}

/**
 * A failed call on one model, already classified. Its `code` is the client-facing `AppError`
 * code; `failure.code` is the precise reason; `partialText` is what the model had streamed before
 * it failed (the graph's fallback edge continues from it on the next model).
 */
export class ModelCallError extends AppError {
  readonly model: string;
  readonly failure: ModelFailure;
  readonly partialText: string;

  constructor(
    model: string,
    failure: ModelFailure,
    options: { partialText?: string; cause?: unknown } = {},
  ) {
    super(appCodeOf(failure.code), `model "${model}" failed: ${failure.code}`, {
      details: { model, reason: failure.code },
      cause: options.cause,
    });
    this.name = 'ModelCallError';
    this.model = model;
    this.failure = failure;
    this.partialText = options.partialText ?? '';
  }
}

/** Classifies `error` (unless it already is one) into a {@link ModelCallError} of `model`. */
export function toModelCallError(
  model: string,
  error: unknown,
  ctx: ClassifyContext,
): ModelCallError {
  if (error instanceof ModelCallError) return error;
  return new ModelCallError(model, classifyModelError(error, ctx), { cause: error });
}
