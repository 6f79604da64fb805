import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_STATUS, isAppError, isErrorCode, type AppError } from '../errors.js';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import type { Logger } from '../logger.js';

/** Options of {@link createErrorFormatter}. */
export interface ErrorFormatterOptions {
  logger: Logger;
  /** Keep stack traces in `extensions.stacktrace`. Default: false (only development turns it on). */
  includeStacktrace?: boolean;
}

/**
 * Apollo's `formatError` (and graphql-ws's `onError`): domain errors keep their code, message
 * and safe details; known GraphQL errors pass through; anything else is logged in full and
 * masked as `INTERNAL_SERVER_ERROR`.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    const stack = options.includeStacktrace ? formatted.extensions?.['stacktrace'] : undefined;
    const withStack = (extensions: Record<string, unknown>) =>
      stack === undefined ? extensions : { ...extensions, stacktrace: stack };

    if (isAppError(original)) {
      if (original.code === 'INTERNAL_SERVER_ERROR') {
        options.logger.error({ err: original, path: formatted.path }, 'internal error');
      }
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: withStack({ code: original.code, ...(original.details ?? {}) }),
      };
    }
    // Apollo's own codes (parse, validation, variable coercion) carry safe messages.
    const code = formatted.extensions?.['code'];
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      // Field suggestions map the schema for an attacker; graphql-ws bypasses armor's filter.
      const message = formatted.message.replace(/ Did you mean .*\?$/, '');
      return { ...formatted, message, extensions: withStack({ code }) };
    }
    if (isDatabaseUnavailable(original)) {
      // Logged by whoever watches the database (health, notifier); one line per request here
      // would flood the log during an outage.
      return {
        message: 'the database is unavailable; retry later',
        locations: formatted.locations,
        path: formatted.path,
        extensions: withStack({ code: 'DATABASE_UNAVAILABLE' }),
      };
    }
    options.logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: withStack({ code: 'INTERNAL_SERVER_ERROR' }),
    };
  };
}

// Resolver and subscription-source errors arrive wrapped in one or more GraphQLErrors.
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * The GraphQLError a request-level {@link AppError} (thrown before execution: authorization,
 * limits) becomes, with the HTTP status of its code for Apollo to answer with.
 */
export function requestError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...(error.details ?? {}),
      http: { status: ERROR_STATUS[error.code] },
    },
  });
}
