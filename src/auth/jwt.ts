import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type Role } from './principal.js';

/** How JWTs are verified and mapped to a workspace. */
export interface JwtSettings {
  /** Shared HMAC secret (HS256). One of `secret` or `jwksUrl` is required. */
  secret?: string;
  /** JWKS endpoint of the identity provider (RS256, ES256…). */
  jwksUrl?: string;
  /** Required `iss`, when set. */
  issuer?: string;
  /** Required `aud`, when set. */
  audience?: string;
  /** Claim holding the workspace id. Default: `ballast_workspace`. */
  workspaceClaim?: string;
  /** Claim holding the role. Default: `ballast_role`; absent claim → `reader`. */
  roleClaim?: string;
}

/** Verifies a JWT; resolves the principal or null when the token is invalid or expired. */
export type JwtVerifier = (token: string) => Promise<Principal | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A {@link JwtVerifier} for `settings` (the JWKS is fetched lazily and cached by jose). */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier {
  const key: Uint8Array | JWTVerifyGetKey = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : new TextEncoder().encode(settings.secret ?? '');
  const workspaceClaim = settings.workspaceClaim ?? 'ballast_workspace';
  const roleClaim = settings.roleClaim ?? 'ballast_role';
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as never, {
        ...(settings.issuer ? { issuer: settings.issuer } : {}),
        ...(settings.audience ? { audience: settings.audience } : {}),
        ...(settings.jwksUrl ? {} : { algorithms: ['HS256'] }),
      });
      const workspaceId = payload[workspaceClaim];
      const role = payload[roleClaim] ?? 'reader';
      if (typeof workspaceId !== 'string' || !UUID.test(workspaceId)) return null;
      if (!ROLES.includes(role as Role)) return null;
      return { workspaceId, role: role as Role, subject: `jwt:${payload.sub ?? 'unknown'}` };
    } catch {
      return null;
    }
  };
}
