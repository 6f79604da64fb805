import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.ingestJob`. */
export const ingestJob: QueryResolvers['ingestJob'] = async (_parent, args, ctx) => {
  const id = decodeId('IngestJob', args.id);
  return id === null ? null : ctx.loaders.ingestJob.load(id);
};
