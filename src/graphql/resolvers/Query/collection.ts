import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.collection`: null when the id names nothing in the caller's workspace. */
export const collection: QueryResolvers['collection'] = async (_parent, args, ctx) => {
  const id = decodeId('Collection', args.id);
  return id === null ? null : ctx.loaders.collection.load(id);
};
