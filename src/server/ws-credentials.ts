import type { Authenticator, Credentials } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { AppError, isAppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** How long a socket's credentials are trusted before they are checked again. Default of {@link createSocketCredentials}. */
export const WS_CREDENTIALS_RECHECK_MS = 5_000;

/** graphql-ws's close code for a connection whose credentials no longer hold. */
export const WS_CLOSE_FORBIDDEN = 4403;

/** What a socket needs to be closed when its credentials are revoked or expire. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** The credentials of one open WebSocket connection and when they were last found good. */
export interface SocketCredentials {
  readonly principal: Principal;
  /**
   * The principal, checked again when the last check is older than the recheck period.
   * Revoked or expired credentials close the socket with 4403 and throw `UNAUTHENTICATED`;
   * a check that cannot be made (database unreachable) throws its error and keeps the socket.
   */
  current(): Promise<Principal>;
}

/** Options of {@link createSocketCredentials}. */
export interface SocketCredentialsOptions {
  authenticate: Authenticator;
  logger: Logger;
  /** Default: {@link WS_CREDENTIALS_RECHECK_MS}. */
  recheckMs?: number;
}

/**
 * Keeps every open socket's credentials honest: each operation re-checks them when the last
 * check is older than `recheckMs`, and a sweep every `recheckMs` checks each distinct
 * credential of the open sockets once, so revocation (and JWT expiry) reaches idle sockets
 * with running subscriptions too, within about `recheckMs`. A failed check closes every
 * socket holding those credentials with {@link WS_CLOSE_FORBIDDEN}.
 */
export function createSocketCredentials(options: SocketCredentialsOptions) {
  const recheckMs = options.recheckMs ?? WS_CREDENTIALS_RECHECK_MS;
  type Entry = {
    credentials: Credentials;
    principal: Principal;
    checkedAt: number;
    sockets: Set<ClosableSocket>;
  };
  const byCredential = new Map<string, Entry>();
  const keyOf = (c: Credentials) => JSON.stringify([c.authorization ?? null, c.apiKey ?? null]);

  const refuse = (key: string, entry: Entry) => {
    byCredential.delete(key);
    for (const socket of entry.sockets) socket.close(WS_CLOSE_FORBIDDEN, 'Forbidden');
    options.logger.info(
      { sockets: entry.sockets.size },
      'closed sockets of revoked or expired credentials',
    );
  };
  const check = async (key: string, entry: Entry) => {
    try {
      entry.principal = await options.authenticate(entry.credentials);
      entry.checkedAt = Date.now();
    } catch (error) {
      if (isAppError(error, 'UNAUTHENTICATED')) refuse(key, entry);
      throw error;
    }
  };
  const sweep = setInterval(() => {
    for (const [key, entry] of byCredential) {
      if (Date.now() - entry.checkedAt < recheckMs) continue;
      check(key, entry).catch((error: unknown) => {
        if (!isAppError(error, 'UNAUTHENTICATED'))
          options.logger.warn({ err: error }, 'socket credentials could not be checked');
      });
    }
  }, recheckMs);
  sweep.unref();

  return {
    /** Registers an authenticated socket; `forget` it when it closes. */
    admit(
      socket: ClosableSocket,
      credentials: Credentials,
      principal: Principal,
    ): SocketCredentials {
      const key = keyOf(credentials);
      let entry = byCredential.get(key);
      if (!entry) {
        entry = { credentials, principal, checkedAt: Date.now(), sockets: new Set() };
        byCredential.set(key, entry);
      }
      entry.sockets.add(socket);
      return {
        get principal() {
          return byCredential.get(key)?.principal ?? principal;
        },
        async current() {
          const now = byCredential.get(key);
          if (!now) throw revoked();
          if (Date.now() - now.checkedAt >= recheckMs) await check(key, now);
          return now.principal;
        },
      };
    },
    /** Drops a closed socket. */
    forget(socket: ClosableSocket, credentials: Credentials): void {
      const key = keyOf(credentials);
      const entry = byCredential.get(key);
      entry?.sockets.delete(socket);
      if (entry && entry.sockets.size === 0) byCredential.delete(key);
    },
    /** Stops the sweep. */
    close(): void {
      clearInterval(sweep);
    },
  };
}

function revoked() {
  return new AppError('UNAUTHENTICATED', 'invalid, expired or revoked credentials');
}
