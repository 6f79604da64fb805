import { listCollections } from '../../../collections/find-collections.js';
import { clampFirst, decodeCursor, toConnection } from '../../pagination.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.collections`: keyset pages, newest first. */
export const collections: QueryResolvers['collections'] = async (_parent, args, ctx) => {
  const limit = clampFirst(args.first);
  const after = decodeCursor(args.after);
  const rows = await listCollections(
    ctx.db.pool,
    ctx.workspaceId,
    limit,
    after && { createdAt: after.at, id: after.id },
  );
  for (const row of rows) ctx.loaders.collection.prime(row.id, row);
  return toConnection(rows, limit, (row) => ({ at: row.created_at, id: row.id }));
};
