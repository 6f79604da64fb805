import { AppError } from '../../../errors.js';
import type { SearchHitResolvers } from '../../generated/resolvers-types.js';

/** `SearchHit`: the chunk was primed into the loader by `search`. */
export const SearchHit: SearchHitResolvers = {
  chunk: async (hit, _args, ctx) => {
    const chunk = await ctx.loaders.chunk.load(hit.chunkId);
    if (!chunk) throw new AppError('NOT_FOUND', 'chunk was deleted');
    return chunk;
  },
};
