import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.file`: a completely uploaded file of the caller's workspace, else null. */
export const file: QueryResolvers['file'] = async (_parent, args, ctx) => {
  const id = decodeId('File', args.id);
  return id === null ? null : ctx.loaders.file.load(id);
};
