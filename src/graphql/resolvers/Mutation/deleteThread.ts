import { deleteThread as remove } from '../../../runs/delete-thread.js';
import { decodeId } from '../../ids.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.deleteThread`: false when the id names nothing in the workspace. */
export const deleteThread: MutationResolvers['deleteThread'] = async (_parent, args, ctx) => {
  const id = decodeId('Thread', args.id);
  return id === null
    ? false
    : remove({ pool: ctx.db.pool, checkpointer: ctx.checkpointer }, ctx.workspaceId, id);
};
