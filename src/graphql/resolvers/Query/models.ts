import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.models`: live status of every model, no secrets. */
export const models: QueryResolvers['models'] = (_parent, _args, ctx) => ctx.models.status();
