import { pageDocuments } from '../../../documents/find-documents.js';
import { encodeId } from '../../ids.js';
import { keysetWindow, toKeysetConnection } from '../../pagination.js';
import type { CollectionResolvers } from '../../generated/resolvers-types.js';

/** `Collection`: maps a `collections` row to the public type. */
export const Collection: CollectionResolvers = {
  id: (row) => encodeId('Collection', row.id),
  embeddingModel: (row) => row.embedding_model,
  dimensions: (row) => row.embedding_dimensions,
  createdAt: (row) => row.created_at,
  updatedAt: (row) => row.updated_at,
  documents: async (row, args, ctx) => {
    const page = await pageDocuments(ctx.db.pool, ctx.workspaceId, row.id, keysetWindow(args));
    for (const document of page.rows) ctx.loaders.document.prime(document.id, document);
    return toKeysetConnection(page, (document) => ({ at: document.created_at, id: document.id }));
  },
  documentCount: async (row, _args, ctx) =>
    (await ctx.loaders.collectionCounts.load(row.id)).documents,
  chunkCount: async (row, _args, ctx) => (await ctx.loaders.collectionCounts.load(row.id)).chunks,
};
