import { createCollection as create } from '../../../collections/create-collection.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.createCollection`. */
export const createCollection: MutationResolvers['createCollection'] = (_parent, args, ctx) =>
  create(ctx.db.pool, ctx.workspaceId, args.input);
