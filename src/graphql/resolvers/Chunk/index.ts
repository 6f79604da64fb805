import { encodeId } from '../../ids.js';
import type { ChunkResolvers } from '../../generated/resolvers-types.js';

/** `Chunk`: its document is batched through DataLoader, one query per level. */
export const Chunk: ChunkResolvers = {
  id: (row) => encodeId('Chunk', row.id),
  headingPath: (row) => row.heading_path,
  tokenCount: (row) => row.token_count,
  document: (row, _args, ctx) => ctx.loaders.document.load(row.document_id),
};
