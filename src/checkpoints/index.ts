// The public surface of src/checkpoints: LangGraph's Postgres checkpoints for Ballast.
export { BallastPostgresSaver } from './ballast-saver.js';
export { openCheckpointSaver } from './saver.js';
export type { CheckpointSaverOptions } from './saver.js';
export { CHECKPOINT_SCHEMA, checkpointSchemaName } from './schema-name.js';
export { checkpointHistory } from './history.js';
export type { CheckpointEntry, CheckpointHistoryOptions } from './history.js';
export { pruneCheckpoints } from './prune.js';
export type { PruneCheckpointsOptions, PruneResult } from './prune.js';
export { threadConfig } from './thread-config.js';
export type { ThreadConfig } from './thread-config.js';
