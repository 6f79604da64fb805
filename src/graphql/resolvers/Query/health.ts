import { readHealth } from '../../../health/read-health.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** `Query.health`. */
export const health: QueryResolvers['health'] = (_parent, _args, ctx) =>
  readHealth(ctx.db, ctx.version);
