import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../logger.js';
import { EXPLORER_ASSET_TYPES, type ExplorerAssetName, type ExplorerAssets } from './assets.js';

const isAssetName = (name: string): name is ExplorerAssetName => name in EXPLORER_ASSET_TYPES;

/**
 * GET `<explorer path>/:file` for the files of the explorer bundle only, without credentials
 * (the landing page that loads them is public too); any other file goes on to `/graphql`'s
 * authenticated handlers. Revalidated on every load (`no-cache` + ETag: a rebuild shows at
 * once), gzipped for clients that accept it. A bundle that cannot be loaded is a 503 naming
 * the fix (`npm run build`), logged.
 */
export function serveExplorerAssets(assets: ExplorerAssets, logger: Logger): RequestHandler {
  return async (req: Request, res: Response, next) => {
    const name = String(req.params['file'] ?? '');
    if (!isAssetName(name)) return next();
    let asset;
    try {
      asset = (await assets())[name];
    } catch (error) {
      logger.error({ err: error }, 'explorer bundle unavailable');
      res
        .status(503)
        .type('text/plain')
        .send(`explorer unavailable: ${(error as Error).message}`);
      return;
    }
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    res.set({
      'content-type': asset.contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.send(gzip ? asset.gzipped : asset.body);
  };
}
