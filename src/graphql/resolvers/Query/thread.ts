import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.thread`. */
export const thread: QueryResolvers['thread'] = async (_parent, args, ctx) => {
  const id = decodeId('Thread', args.id);
  return id === null ? null : ctx.loaders.thread.load(id);
};
