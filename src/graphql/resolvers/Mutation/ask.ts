import { submitRun } from '../../../runs/submit-run.js';
import { toSubmitRunInput } from '../../ask-input.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.ask`: the run is returned QUEUED; it executes in the background. */
export const ask: MutationResolvers['ask'] = async (_parent, args, ctx) => {
  const input = toSubmitRunInput(args.input);
  return submitRun(ctx, ctx.workspaceId, { ...input, requestedBy: ctx.principal.subject });
};
