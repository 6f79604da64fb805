import type { Database } from '../db/database.js';
import type { Notifier } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { ModelRegistry } from '../models/registry.js';
import { DEFAULT_WORKSPACE_ID } from '../workspaces/default-workspace.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Long-lived services every resolver may use; built once at start by `main.ts`. */
export interface AppServices {
  db: Database;
  logger: Logger;
  models: ModelRegistry;
  queue: JobQueue;
  notifier: Notifier;
  /** Server version reported by `health`. */
  version: string;
}

/** What each resolver receives: services plus per-operation state. */
export interface GraphQLContext extends AppServices {
  /** The caller's workspace; every query is scoped to it. */
  workspaceId: string;
  loaders: Loaders;
}

/**
 * The one context factory for HTTP requests and WebSocket operations. Each call builds a
 * fresh DataLoader set, so nothing leaks between operations.
 */
export function createContextFactory(services: AppServices): () => Promise<GraphQLContext> {
  return async () => {
    const workspaceId = DEFAULT_WORKSPACE_ID;
    return { ...services, workspaceId, loaders: createLoaders(services.db, workspaceId) };
  };
}
