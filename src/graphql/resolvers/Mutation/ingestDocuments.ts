import { AppError } from '../../../errors.js';
import { submitIngest } from '../../../ingest/submit-ingest.js';
import { decodeId } from '../../ids.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** `Mutation.ingestDocuments`: returns the accepted job at once. */
export const ingestDocuments: MutationResolvers['ingestDocuments'] = async (_parent, args, ctx) => {
  const collectionId = decodeId('Collection', args.input.collectionId);
  if (!collectionId) {
    throw new AppError('NOT_FOUND', 'collection not found', { details: { field: 'collectionId' } });
  }
  return submitIngest(
    { db: ctx.db, queue: ctx.queue, notifier: ctx.notifier, embedder: ctx.models.embedding },
    ctx.workspaceId,
    collectionId,
    { documents: args.input.documents },
  );
};
