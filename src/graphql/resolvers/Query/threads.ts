import { listThreads } from '../../../runs/find-threads.js';
import { decodeId } from '../../ids.js';
import { keysetWindow, toKeysetConnection } from '../../pagination.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

const NO_THREADS = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

/** `Query.threads`: keyset pages of the workspace's threads, newest activity first. */
export const threads: QueryResolvers['threads'] = async (_parent, args, ctx) => {
  const window = keysetWindow(args);
  const collectionId =
    args.collectionId === null || args.collectionId === undefined
      ? null
      : decodeId('Collection', args.collectionId);
  // A well-formed id of another kind names no collection: nothing matches the filter.
  if (collectionId === null && args.collectionId) return NO_THREADS;
  const page = await listThreads(ctx.db.pool, ctx.workspaceId, { collectionId }, window);
  for (const row of page.rows) ctx.loaders.thread.prime(row.id, row);
  return toKeysetConnection(page, (row) => ({ at: row.last_activity_at, id: row.id }));
};
