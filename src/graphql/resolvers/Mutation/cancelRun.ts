import { AppError } from '../../../errors.js';
import { cancelRun as cancel } from '../../../runs/cancel-run.js';
import { decodeId } from '../../ids.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.cancelRun`. */
export const cancelRun: MutationResolvers['cancelRun'] = async (_parent, args, ctx) => {
  const id = decodeId('Run', args.id);
  if (!id) throw new AppError('NOT_FOUND', 'run not found');
  return cancel(ctx, ctx.workspaceId, id);
};
