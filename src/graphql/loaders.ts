import DataLoader from 'dataloader';
import type { CollectionRow } from '../collections/collection-row.js';
import { findCollectionsByIds } from '../collections/find-collections.js';
import type { Database } from '../db/database.js';

/** Batch loaders of one operation, scoped to one workspace. */
export interface Loaders {
  collection: DataLoader<string, CollectionRow | null>;
}

/**
 * A fresh loader set for one request or one subscription operation: nothing is cached
 * across operations, and every query is filtered by the caller's workspace.
 */
export function createLoaders(db: Database, workspaceId: string): Loaders {
  return {
    collection: new DataLoader(async (ids) => {
      const rows = await findCollectionsByIds(db.pool, workspaceId, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
