import { AppError } from '../../../errors.js';
import { hybridSearch } from '../../../retrieval/hybrid-search.js';
import { parseSearchRequest } from '../../../retrieval/search-options.js';
import { decodeId } from '../../ids.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.search`: hybrid retrieval, no chat model involved. */
export const search: QueryResolvers['search'] = async (_parent, args, ctx) => {
  const request = parseSearchRequest(args);
  const collectionId = decodeId('Collection', args.collectionId);
  const collection = collectionId && (await ctx.loaders.collection.load(collectionId));
  if (!collectionId || !collection) {
    throw new AppError('NOT_FOUND', 'collection not found', { details: { field: 'collectionId' } });
  }
  const hits = await hybridSearch(
    ctx.db.pool,
    ctx.models.embedding,
    ctx.workspaceId,
    collectionId,
    request,
  );
  for (const hit of hits) {
    ctx.loaders.chunk.prime(hit.chunkId, {
      id: hit.chunkId,
      document_id: hit.documentId,
      ordinal: hit.ordinal,
      text: hit.text,
      heading_path: hit.headingPath,
      pages: hit.pages,
      token_count: hit.tokenCount,
    });
  }
  return hits;
};
