import { pageChunks } from '../../../documents/find-chunks.js';
import { encodeId } from '../../ids.js';
import {
  encodeOrdinalCursor,
  keysetWindow,
  ordinalPosition,
  toKeysetConnection,
} from '../../pagination.js';
import type { DocumentResolvers } from '../../generated/resolvers-types.js';

/** `Document`: maps a `documents` row to the public type. */
export const Document: DocumentResolvers = {
  id: (row) => encodeId('Document', row.id),
  sourceUri: (row) => row.source_uri,
  collection: (row, _args, ctx) => ctx.loaders.collection.load(row.collection_id),
  chunkCount: (row) => row.chunk_count,
  chunks: async (row, args, ctx) => {
    const page = await pageChunks(
      ctx.db.pool,
      ctx.workspaceId,
      row.id,
      keysetWindow(args, ordinalPosition),
    );
    for (const chunk of page.rows) ctx.loaders.chunk.prime(chunk.id, chunk);
    return toKeysetConnection(page, (chunk) => encodeOrdinalCursor(chunk.ordinal));
  },
  createdAt: (row) => row.created_at,
  updatedAt: (row) => row.updated_at,
};
