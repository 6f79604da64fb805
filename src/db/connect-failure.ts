// Why a first connection to PostgreSQL failed, in words a newcomer can act on.

/** How long one connection attempt may take before it counts as no answer. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Why the first connection to PostgreSQL failed, in plain words (`message`), naming the URL with
 * its password masked; `code` is the underlying Node or SQLSTATE code (`ECONNREFUSED`, `3D000`),
 * or `DATABASE_CONNECT_FAILED` when there is none (a timeout, a closed connection).
 */
export class DatabaseConnectError extends Error {
  readonly code: string;
  /** The URL tried, password masked. */
  readonly maskedUrl: string;
  /** The cause in plain words: "connection refused …", `database "x" does not exist`. */
  readonly reason: string;

  constructor(url: string, cause: unknown) {
    const maskedUrl = maskDatabaseUrl(url);
    const { reason, code } = describeConnectFailure(url, cause);
    super(`cannot connect to DATABASE_URL=${maskedUrl}: ${reason}`, { cause });
    this.name = 'DatabaseConnectError';
    this.code = code ?? 'DATABASE_CONNECT_FAILED';
    this.maskedUrl = maskedUrl;
    this.reason = reason;
  }
}

/**
 * `url` with its password (and any `password`-like query parameter) replaced by `***`, safe to
 * log: `postgres://user:***@host:5432/db`.
 */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return maskUnparsedUrl(url);
  }
}

// Not a WHATWG URL (no host, as with a socket path in `?host=`): the password runs from the
// first ':' of the user info to its last '@', as pg reads it.
function maskUnparsedUrl(url: string): string {
  const scheme = /^[a-z]+:\/\//i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const queryAt = rest.indexOf('?');
  const at = (queryAt < 0 ? rest : rest.slice(0, queryAt)).lastIndexOf('@');
  const colon = rest.indexOf(':');
  const masked =
    at > 0 && colon >= 0 && colon < at ? `${rest.slice(0, colon)}:***${rest.slice(at)}` : rest;
  return `${scheme}${masked}`.replace(/(pass\w*=)[^&]*/gi, '$1***');
}

const PLAIN_WORDS: Record<string, (where: string, host: string) => string> = {
  ECONNREFUSED: (where) =>
    `connection refused: nothing listens on ${where} (is PostgreSQL running?)`,
  ENOTFOUND: (_where, host) => `host "${host}" not found`,
  EAI_AGAIN: (_where, host) => `host "${host}" could not be looked up (DNS)`,
  ETIMEDOUT: (where) => `no answer from ${where}`,
  EHOSTUNREACH: (where) => `host unreachable: ${where}`,
  ENETUNREACH: (where) => `network unreachable: ${where}`,
  ECONNRESET: (where) => `${where} closed the connection (is it a PostgreSQL server?)`,
};
// SQLSTATEs whose server message alone leaves a newcomer asking "and now?".
const HINTS: Record<string, string> = {
  '3D000': 'create it, or name an existing database in the URL',
  '28P01': 'check the user and password in the URL',
  '28000': 'check the user in the URL',
};

function describeConnectFailure(url: string, error: unknown): { reason: string; code?: string } {
  const { host, where } = target(url);
  const found = withCode(error);
  const code = found ? errorCode(found) : undefined;
  const plain = code ? PLAIN_WORDS[code] : undefined;
  if (plain) return { reason: plain(where, host), code };
  const message = firstLine(found ?? error);
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) {
    return { reason: `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s` };
  }
  // pg says this both when the server hung up and when the connection timeout cut the attempt.
  if (/Connection terminated/i.test(message)) {
    return {
      reason: `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s, or it closed the connection (is a PostgreSQL server there, reachable from here?)`,
    };
  }
  const hint = code ? HINTS[code] : undefined;
  return { reason: hint ? `${message} (${hint})` : message, ...(code ? { code } : {}) };
}

function target(url: string): { host: string; where: string } {
  try {
    const parsed = new URL(url);
    const host = decodeURIComponent(parsed.hostname) || 'localhost';
    return { host, where: `${host}:${parsed.port || '5432'}` };
  } catch {
    return { host: 'the host', where: 'the server' };
  }
}

// Node's happy-eyeballs connect fails with an AggregateError of one error per address.
function withCode(error: unknown, depth = 0): unknown {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  if (errorCode(error)) return error;
  const { errors, cause } = error as { errors?: unknown; cause?: unknown };
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = withCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return withCode(cause, depth + 1);
}

/** The string `code` of an error (a Node or SQLSTATE code), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
