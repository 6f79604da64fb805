import { deleteDocument as remove } from '../../../documents/find-documents.js';
import { decodeId } from '../../ids.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.deleteDocument`: false when the id names nothing in the workspace. */
export const deleteDocument: MutationResolvers['deleteDocument'] = async (_parent, args, ctx) => {
  const id = decodeId('Document', args.id);
  return id === null ? false : remove(ctx.db.pool, ctx.workspaceId, id);
};
