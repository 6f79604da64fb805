import { checkpointHistory } from '../../../checkpoints/index.js';
import { encodeId } from '../../ids.js';
import { messages } from './messages.js';
import { runs } from './runs.js';
import type { ThreadResolvers } from '../../generated/resolvers-types.js';

/** `Thread`: a conversation: its runs, and its messages as the model sees them. */
export const Thread: ThreadResolvers = {
  id: (row) => encodeId('Thread', row.id),
  collection: (row, _args, ctx) => ctx.loaders.collection.load(row.collection_id),
  runs,
  messages,
  history: (row, args, ctx) =>
    checkpointHistory(ctx.db.pool, row.id, {
      limit: Math.min(Math.max(args.last ?? 100, 1), 1000),
    }),
  createdAt: (row) => row.created_at,
  lastActivityAt: (row) => row.last_activity_at,
};
