import { z } from 'zod';

/**
 * Why a run moved from one model to the next (or retried on the same one): the `reason` of a
 * hop, of a `fallback` event and of the GraphQL `ModelFallback` (enum `FallbackReason`, which
 * mirrors this list; a test keeps them equal). Model failures keep their code from
 * `src/models/failures.ts`: an HTTP status the provider answered is `HTTP_<status>` for the
 * statuses listed here and `HTTP_ERROR` for any other (the exact status is in the run's trace).
 * `INVALID_OUTPUT` and `UNGROUNDED` are replies the graph rejected; `CIRCUIT_OPEN` a model
 * skipped because its circuit breaker is open.
 */
export const FALLBACK_REASONS = [
  'TIMEOUT',
  'CONNECTION',
  'STREAM_STALL',
  'STREAM_CUT',
  'HTTP_400',
  'HTTP_401',
  'HTTP_403',
  'HTTP_404',
  'HTTP_408',
  'HTTP_409',
  'HTTP_413',
  'HTTP_422',
  'HTTP_429',
  'HTTP_500',
  'HTTP_502',
  'HTTP_503',
  'HTTP_504',
  'HTTP_ERROR',
  'REFUSAL',
  'INVALID_OUTPUT',
  'UNGROUNDED',
  'CIRCUIT_OPEN',
  'UNSUPPORTED',
  'UNKNOWN',
] as const;

/** One of {@link FALLBACK_REASONS}. */
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** Accepts exactly the {@link FALLBACK_REASONS}. */
export const fallbackReasonSchema = z.enum(FALLBACK_REASONS);

/**
 * The fallback reason of a model failure code (`HTTP_503`, `STREAM_CUT`…): the code itself when
 * it is on the list, `HTTP_ERROR` for an unlisted HTTP status, else `UNKNOWN`. Also reads the
 * reasons stored before the list was closed.
 */
export function toFallbackReason(code: string): FallbackReason {
  const listed = fallbackReasonSchema.safeParse(code);
  if (listed.success) return listed.data;
  return /^HTTP_\d+$/u.test(code) ? 'HTTP_ERROR' : 'UNKNOWN';
}
