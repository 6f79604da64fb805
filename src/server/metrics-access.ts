import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthMode } from '../auth/authenticate.js';

/**
 * Who may read `/metrics`: anyone (`open`), a scraper presenting the bearer token (`token`), or
 * nobody (`closed`).
 */
export type MetricsAccess =
  { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'closed' };

/**
 * The `/metrics` access for a server: with a token, that token is required whatever the auth
 * mode; without one, open only when authentication is off (a loopback address), closed
 * otherwise — metrics name models, workspaces' volumes and failure rates.
 */
export function metricsAccess(authMode: AuthMode, token: string | undefined): MetricsAccess {
  if (token !== undefined) return { kind: 'token', token };
  return authMode === 'open' ? { kind: 'open' } : { kind: 'closed' };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

// Comparing digests keeps the comparison constant-time whatever the length presented.
function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Express middleware in front of `/metrics`: answers 401 (with `WWW-Authenticate: Bearer`)
 * unless `access` lets the request through.
 */
export function guardMetrics(access: MetricsAccess) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access.kind === 'open') return next();
    const header = req.headers.authorization ?? '';
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (access.kind === 'token' && presented !== undefined && sameSecret(presented, access.token)) {
      return next();
    }
    res
      .status(401)
      .setHeader('www-authenticate', 'Bearer realm="metrics"')
      .type('text/plain')
      .send(
        access.kind === 'closed'
          ? 'metrics need BALLAST_METRICS_TOKEN when BALLAST_AUTH=required\n'
          : 'a valid bearer token is required\n',
      );
  };
}
