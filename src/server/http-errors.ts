import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/**
 * Express's last error handler: body-parser failures (too large, malformed JSON) answer in
 * GraphQL's error shape with a code of the closed list instead of an HTML page; anything
 * else is logged and masked.
 */
export function httpErrors(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({
        errors: [{ message: 'request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
    } else if (status === 400) {
      res.status(400).json({
        errors: [{ message: 'malformed request body', extensions: { code: 'BAD_REQUEST' } }],
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
