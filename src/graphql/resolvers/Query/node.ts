import { decodeAnyId, type IdKind } from '../../ids.js';
import type { Loaders } from '../../loaders.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { asNode } from '../Node/index.js';

const LOADER_OF: Record<IdKind, keyof Omit<Loaders, 'collectionCounts'>> = {
  Collection: 'collection',
  Document: 'document',
  Chunk: 'chunk',
  IngestJob: 'ingestJob',
  Run: 'run',
  Thread: 'thread',
  File: 'file',
};

/**
 * `Query.node`: any object of the caller's workspace by its global id. Unknown, malformed and
 * other workspaces' ids all answer null, as Relay clients expect of a refetch.
 */
export const node: QueryResolvers['node'] = async (_parent, args, ctx) => {
  const decoded = decodeAnyId(args.id);
  if (!decoded) return null;
  const row = await ctx.loaders[LOADER_OF[decoded.kind]].load(decoded.uuid);
  return row ? asNode(decoded.kind, row) : null;
};
