import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { ERROR_STATUS } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Express's last error handler: body-parser failures (too large, naming the limit in bytes;
 * malformed JSON) answer in GraphQL's error shape with a code of the closed list instead of an
 * HTML page; a database that cannot be reached is a 503 `DATABASE_UNAVAILABLE`; anything else is logged and masked.
 */
export function httpErrors(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const { status, limit } = error as { status?: number; limit?: unknown };
    if (status === 413) {
      const limitBytes = typeof limit === 'number' ? limit : undefined;
      res.status(413).json({
        errors: [
          {
            message: `request body too large${limitBytes ? `: the limit is ${limitBytes} bytes` : ''}`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', ...(limitBytes ? { limitBytes } : {}) },
          },
        ],
      });
    } else if (status === 400) {
      res.status(400).json({
        errors: [{ message: 'malformed request body', extensions: { code: 'BAD_REQUEST' } }],
      });
    } else if (isDatabaseUnavailable(error)) {
      // Credentials could not be checked: the caller may retry; the outage is logged elsewhere.
      res.status(ERROR_STATUS.DATABASE_UNAVAILABLE).json({
        errors: [
          {
            message: 'the database is unavailable; retry later',
            extensions: { code: 'DATABASE_UNAVAILABLE' },
          },
        ],
      });
    } else {
      logger.error({ err: error }, 'unexpected HTTP error');
      res.status(500).json({
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
    }
  };
}
