import { AppError } from '../../errors.js';
import type { ModelCallError } from '../failures.js';
import type { ModelAttempt } from '../types.js';

/** The error of a call the caller aborted. */
export function cancelled(cause: unknown): AppError {
  return new AppError('CANCELLED', 'the model call was cancelled', { cause });
}

/**
 * The error when every model failed: `INVALID_MODEL_OUTPUT` if the last one only produced
 * invalid structured output, else `MODEL_UNAVAILABLE`. Details name codes and ids, no text.
 */
export function chainExhausted(
  last: ModelCallError | undefined,
  fallbackPath: readonly string[],
  attempts: readonly ModelAttempt[],
): AppError {
  const reason = last?.failure.code ?? 'UNKNOWN';
  const code = reason === 'INVALID_OUTPUT' ? 'INVALID_MODEL_OUTPUT' : 'MODEL_UNAVAILABLE';
  return new AppError(code, 'no model of the chain could answer', {
    details: { reason, fallbackPath: [...fallbackPath], attempts: [...attempts] },
    cause: last,
  });
}
