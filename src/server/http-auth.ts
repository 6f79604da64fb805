import type { NextFunction, Request, Response } from 'express';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { ERROR_STATUS, isAppError } from '../errors.js';
import type { RateLimits } from '../security/rate-limits.js';

// Refusals answered here; anything else goes on to the error handler.
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

/** The principal the auth middleware attached to a request. */
export function principalOf(req: Request): Principal {
  const principal = (req as Request & { principal?: Principal }).principal;
  if (!principal) throw new Error('request passed no authentication');
  return principal;
}

/**
 * Authenticates every request to `/graphql` (the Sandbox page itself is public) and counts it
 * against the caller's rate limit, answering 401 / 429 in GraphQL's error shape before any
 * GraphQL work is done.
 */
export function httpAuth(authenticate: Authenticator, limits: RateLimits) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const landingPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (landingPage) return next();
    try {
      const principal = await authenticate({
        authorization: req.headers.authorization,
        apiKey: req.header('x-api-key'),
      });
      await limits.checkRequest(principal);
      (req as Request & { principal?: Principal }).principal = principal;
      next();
    } catch (error) {
      if (!isAppError(error) || !REFUSALS.has(error.code)) return next(error);
      if (error.code === 'RATE_LIMITED')
        res.setHeader('retry-after', String(error.details?.['retryAfterSeconds'] ?? 1));
      res.status(ERROR_STATUS[error.code]).json({
        errors: [
          { message: error.message, extensions: { code: error.code, ...(error.details ?? {}) } },
        ],
      });
    }
  };
}

/**
 * Rejects browser requests from origins not on the allow-list (requests without an Origin,
 * from servers and CLIs, pass). An empty list allows every origin.
 */
export function originAllowList(allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (!origin || allowed.length === 0 || allowed.includes(origin)) return next();
    res
      .status(403)
      .json({ errors: [{ message: 'origin not allowed', extensions: { code: 'FORBIDDEN' } }] });
  };
}
