import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.run`. */
export const run: QueryResolvers['run'] = async (_parent, args, ctx) => {
  const id = decodeId('Run', args.id);
  return id === null ? null : ctx.loaders.run.load(id);
};
