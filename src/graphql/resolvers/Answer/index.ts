import type { AnswerResolvers, CitationResolvers } from '../../generated/resolvers-types.js';

/** `Answer`: the stored answer of a run. */
export const Answer: AnswerResolvers = {
  usage: (answer) => answer.usage ?? null,
};

/**
 * `Citation`: its chunk (and the chunk's document) through DataLoader, one query per level; its
 * pages are the chunk's, from the same load.
 */
export const Citation: CitationResolvers = {
  chunk: (citation, _args, ctx) => ctx.loaders.chunk.load(citation.chunkId),
  pages: async (citation, _args, ctx) =>
    (await ctx.loaders.chunk.load(citation.chunkId))?.pages ?? [],
};
