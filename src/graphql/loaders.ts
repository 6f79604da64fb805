import DataLoader from 'dataloader';
import type { CollectionRow } from '../collections/collection-row.js';
import { findCollectionsByIds } from '../collections/find-collections.js';
import type { Database } from '../db/database.js';
import type { ChunkRow, DocumentRow } from '../documents/document-row.js';
import { findChunksByIds } from '../documents/find-chunks.js';
import { countCollectionContents, findDocumentsByIds } from '../documents/find-documents.js';
import { findFilesByIds } from '../files/find-files.js';
import type { FileRow } from '../files/file-row.js';
import { findIngestJobsByIds } from '../ingest/find-ingest-jobs.js';
import type { IngestJobRow } from '../ingest/ingest-job-row.js';
import { findRunsByIds, findThreadsByIds } from '../runs/find-runs.js';
import type { RunRow, ThreadRow } from '../runs/run-row.js';

/** Batch loaders of one operation, scoped to one workspace. */
export interface Loaders {
  collection: DataLoader<string, CollectionRow | null>;
  collectionCounts: DataLoader<string, { documents: number; chunks: number }>;
  document: DataLoader<string, DocumentRow | null>;
  chunk: DataLoader<string, ChunkRow | null>;
  ingestJob: DataLoader<string, IngestJobRow | null>;
  run: DataLoader<string, RunRow | null>;
  thread: DataLoader<string, ThreadRow | null>;
  file: DataLoader<string, FileRow | null>;
}

/** A loader of rows by uuid: one query per tick, null for ids not in the workspace. */
function byId<Row extends { id: string }>(
  find: (ids: readonly string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = await find(ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * A fresh loader set for one request or one subscription operation: nothing is cached
 * across operations, and every query is filtered by the caller's workspace.
 */
export function createLoaders(db: Database, workspaceId: string): Loaders {
  const { pool } = db;
  return {
    collection: byId((ids) => findCollectionsByIds(pool, workspaceId, ids)),
    collectionCounts: new DataLoader(async (ids) => {
      const counts = await countCollectionContents(pool, workspaceId, ids);
      return ids.map((id) => counts.get(id) ?? { documents: 0, chunks: 0 });
    }),
    document: byId((ids) => findDocumentsByIds(pool, workspaceId, ids)),
    chunk: byId((ids) => findChunksByIds(pool, workspaceId, ids)),
    ingestJob: byId((ids) => findIngestJobsByIds(pool, workspaceId, ids)),
    run: byId((ids) => findRunsByIds(pool, workspaceId, ids)),
    thread: byId((ids) => findThreadsByIds(pool, workspaceId, ids)),
    file: byId((ids) => findFilesByIds(pool, workspaceId, ids)),
  };
}
