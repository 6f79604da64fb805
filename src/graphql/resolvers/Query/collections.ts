import { pageCollections } from '../../../collections/find-collections.js';
import { keysetWindow, toKeysetConnection } from '../../pagination.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.collections`: keyset pages, newest first. */
export const collections: QueryResolvers['collections'] = async (_parent, args, ctx) => {
  const page = await pageCollections(ctx.db.pool, ctx.workspaceId, keysetWindow(args));
  for (const row of page.rows) ctx.loaders.collection.prime(row.id, row);
  return toKeysetConnection(page, (row) => ({ at: row.created_at, id: row.id }));
};
