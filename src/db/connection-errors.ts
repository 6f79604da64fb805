// Node's socket errors and PostgreSQL's SQLSTATE classes that mean "the server is not there
// (now)": connection exceptions (08), shutdown or crash (57P01–57P03), too many clients (53300).
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * True when `error` says the database cannot be reached right now (refused, reset, shut down,
 * out of connections, pool checkout timed out) rather than that a statement was wrong. Such an
 * operation may succeed if retried later; clients see `DATABASE_UNAVAILABLE`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, errors, cause } = current as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (NODE_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))
    )
      return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = cause;
  }
  return false;
}
