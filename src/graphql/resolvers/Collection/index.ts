import { encodeId } from '../../ids.js';
import type { CollectionResolvers } from '../../generated/resolvers-types.js';

/** `Collection`: maps a `collections` row to the public type. */
export const Collection: CollectionResolvers = {
  id: (row) => encodeId('Collection', row.id),
  embeddingModel: (row) => row.embedding_model,
  dimensions: (row) => row.embedding_dimensions,
  createdAt: (row) => row.created_at,
  updatedAt: (row) => row.updated_at,
};
