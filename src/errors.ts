/**
 * The closed list of error codes a client can see in `extensions.code`.
 * Domain code throws {@link AppError} with one of these; anything else is masked as
 * `INTERNAL_SERVER_ERROR` by the GraphQL layer.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'CONFLICT',
  'MODEL_UNAVAILABLE',
  'INVALID_MODEL_OUTPUT',
  'TIMEOUT',
  'CANCELLED',
  'INTERNAL_SERVER_ERROR',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Options of {@link AppError}. */
export interface AppErrorOptions {
  /** Safe, client-visible details (field names, limits). Never secrets or user text. Default: none. */
  details?: Record<string, unknown>;
  /** The underlying error, kept for logs only. */
  cause?: unknown;
}

/**
 * The one error class of Ballast's domain code. Its message and `details` are shown to
 * clients, so they must never contain secrets, internal ids of other tenants or raw user text.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

/** True when `error` is an {@link AppError}, optionally of the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
