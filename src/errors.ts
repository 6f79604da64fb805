/**
 * The one closed list of error codes a client can see in `extensions.code`, with the HTTP
 * status of a request that fails with it as a whole (before any field executes). Errors of
 * single fields come with HTTP 200 and partial `data`, as GraphQL over HTTP specifies for
 * `application/json`. Domain code throws {@link AppError} with one of these; anything else is
 * masked as `INTERNAL_SERVER_ERROR`. `docs/errors.md` documents each, and the GraphQL enum
 * `ErrorCode` (schema/errors.graphql) lists the same codes, for `RunFailed.code`, `RunError.code`
 * and `IngestError.code`; tests keep both in step.
 */
export const ERROR_STATUS = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_QUERY_NOT_SUPPORTED: 200,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FORBIDDEN_URL: 403,
  URL_UNREACHABLE: 502,
  INVALID_DOCUMENT: 422,
  RATE_LIMITED: 429,
  CANCELLED: 409,
  INTERNAL_SERVER_ERROR: 500,
  MODEL_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  INVALID_MODEL_OUTPUT: 502,
  TIMEOUT: 504,
} as const satisfies Record<string, number>;

/** One of the codes of {@link ERROR_STATUS}. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every {@link ErrorCode}, in the order of {@link ERROR_STATUS}. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * `code` as a code of the list, for codes read back from storage (a run's or a document's
 * failure): `INTERNAL_SERVER_ERROR` when it is not on the list.
 */
export function toErrorCode(code: unknown): ErrorCode {
  return isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/** True when `code` is on the closed list. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

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
