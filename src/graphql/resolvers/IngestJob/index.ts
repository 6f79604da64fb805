import { piiTypeSchema } from '../../../governance/pii.js';
import { findIngestErrors } from '../../../ingest/find-ingest-jobs.js';
import { encodeId } from '../../ids.js';
import type { IngestJobResolvers } from '../../generated/resolvers-types.js';

/** `IngestJob`: maps an `ingest_jobs` row to the public type. */
export const IngestJob: IngestJobResolvers = {
  id: (row) => encodeId('IngestJob', row.id),
  collection: (row, _args, ctx) => ctx.loaders.collection.load(row.collection_id),
  documentsTotal: (row) => row.documents_total,
  documentsDone: (row) => row.documents_done,
  documentsFailed: (row) => row.documents_failed,
  chunksTotal: (row) => row.chunks_total,
  chunksEmbedded: (row) => row.chunks_embedded,
  chunksReused: (row) => row.chunks_reused,
  chunksDeleted: (row) => row.chunks_deleted,
  piiRedacted: (row) =>
    Object.entries(row.pii_counts).flatMap(([key, count]) => {
      // Counts are stored per type name: a name no longer on the list is not shown.
      const type = piiTypeSchema.safeParse(key);
      return type.success && count > 0 ? [{ type: type.data, count }] : [];
    }),
  errors: (row, _args, ctx) =>
    row.documents_failed > 0 ? findIngestErrors(ctx.db.pool, row.id) : [],
  createdAt: (row) => row.created_at,
  startedAt: (row) => row.started_at,
  finishedAt: (row) => row.finished_at,
};
