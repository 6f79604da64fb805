import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.document`. */
export const document: QueryResolvers['document'] = async (_parent, args, ctx) => {
  const id = decodeId('Document', args.id);
  return id === null ? null : ctx.loaders.document.load(id);
};
