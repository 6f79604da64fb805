import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { AppError } from '../errors.js';
import { DEFAULT_WORKSPACE_ID } from '../workspaces/default-workspace.js';
import { API_KEY_PREFIX, verifyApiKey } from './api-keys.js';
import type { JwtVerifier } from './jwt.js';
import type { Principal } from './principal.js';

/** `open`: callers without credentials act as admin of the default workspace (loopback only). */
export type AuthMode = 'open' | 'required';

/** Credentials as a transport carries them. */
export interface Credentials {
  /** `Authorization` header or `connectionParams.authorization`: `Bearer <key or JWT>`. */
  authorization?: string | null | undefined;
  /** `X-API-Key` header or `connectionParams.apiKey`. */
  apiKey?: string | null | undefined;
}

/** Turns credentials into a principal; the same for HTTP and WebSocket. */
export type Authenticator = (credentials: Credentials) => Promise<Principal>;

/** The principal of an unauthenticated caller in open mode. */
export const OPEN_PRINCIPAL: Principal = Object.freeze({
  workspaceId: DEFAULT_WORKSPACE_ID,
  role: 'admin',
  subject: 'open',
});

/** How long a principal verified before an outage is still honoured during it. */
export const LAST_KNOWN_PRINCIPAL_MS = 10 * 60_000;

/**
 * Creates the authenticator. API keys (`blst_…`) are checked against their hashes; other
 * bearer tokens are verified as JWTs when a verifier is configured, and must name a workspace
 * that exists. Credentials that are given are always checked, even in open mode. While the
 * database cannot be reached, credentials verified in the last {@link LAST_KNOWN_PRINCIPAL_MS}
 * keep their principal (a revocation needs the database too); others fail with the database's
 * error, which clients see as `DATABASE_UNAVAILABLE`.
 * @throws {AppError} `UNAUTHENTICATED` (from the returned function) for missing or bad credentials.
 */
export function createAuthenticator(options: {
  pool: pg.Pool;
  mode: AuthMode;
  jwt?: JwtVerifier | undefined;
}): Authenticator {
  const lastKnown = new LRUCache<string, Principal>({
    max: 10_000,
    ttl: LAST_KNOWN_PRINCIPAL_MS,
  });
  const verify = async (token: string): Promise<Principal | null> => {
    const key = createHash('sha256').update(token).digest('hex');
    try {
      const principal = token.startsWith(API_KEY_PREFIX)
        ? await verifyApiKey(options.pool, token)
        : await verifyJwt(options.pool, options.jwt, token);
      if (principal) lastKnown.set(key, principal);
      else lastKnown.delete(key);
      return principal;
    } catch (error) {
      const known = isDatabaseUnavailable(error) ? lastKnown.get(key) : undefined;
      if (known) return known;
      throw error;
    }
  };
  return async (credentials) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
    const token = credentials.apiKey ?? bearer;
    if (!token) {
      if (options.mode === 'open') return OPEN_PRINCIPAL;
      throw new AppError(
        'UNAUTHENTICATED',
        'authentication required: send an API key or a bearer token',
      );
    }
    const principal = await verify(token);
    if (!principal)
      throw new AppError('UNAUTHENTICATED', 'invalid, expired or revoked credentials');
    return principal;
  };
}

// A token from the identity provider may name a workspace this database does not have
// (deleted, another environment's): it authenticates nobody, rather than failing later writes.
async function verifyJwt(
  pool: pg.Pool,
  jwt: JwtVerifier | undefined,
  token: string,
): Promise<Principal | null> {
  const principal = (await jwt?.(token)) ?? null;
  if (!principal) return null;
  const found = await pool.query('SELECT 1 FROM workspaces WHERE id = $1', [principal.workspaceId]);
  return found.rowCount ? principal : null;
}
