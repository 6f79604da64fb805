import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { Database } from '../db/database.js';
import type { Notifier } from '../events/notifier.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { ModelRegistry } from '../models/registry.js';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import type { RateLimits } from '../security/rate-limits.js';
import type { ActiveRuns } from '../runs/active-runs.js';
import type { RunLogFeed } from '../runs/run-log-feed.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Long-lived services every resolver may use; built once at start by `main.ts`. */
export interface AppServices {
  db: Database;
  logger: Logger;
  models: ModelRegistry;
  queue: JobQueue;
  notifier: Notifier;
  /** LangGraph checkpoints of threads. */
  checkpointer: BaseCheckpointSaver;
  /** Runs executing in this process. */
  activeRuns: ActiveRuns;
  /** This process's one reader of the event log of runs executing elsewhere. */
  runLog: RunLogFeed;
  /** Turns credentials into a principal (HTTP and WebSocket alike). */
  authenticate: Authenticator;
  /** Request rate and model-token budgets. */
  limits: RateLimits;
  /** Server version reported by `health`. */
  version: string;
}

/** What each resolver receives: services plus per-operation state. */
export interface GraphQLContext extends AppServices {
  /** Who is calling. */
  principal: Principal;
  /** The caller's workspace; every query is scoped to it. */
  workspaceId: string;
  loaders: Loaders;
}

/**
 * The one context factory for HTTP requests and WebSocket operations. Each call builds a
 * fresh DataLoader set, so nothing leaks between operations.
 */
export function createContextFactory(
  services: AppServices,
): (principal: Principal) => Promise<GraphQLContext> {
  return async (principal) => ({
    ...services,
    principal,
    workspaceId: principal.workspaceId,
    loaders: createLoaders(services.db, principal.workspaceId),
  });
}
