import { encodeId } from '../../ids.js';
import type { FileResolvers } from '../../generated/resolvers-types.js';

/** `File`: maps a `files` row to the public type. */
export const File: FileResolvers = {
  id: (row) => encodeId('File', row.id),
  mediaType: (row) => row.media_type,
  createdAt: (row) => row.created_at,
};
