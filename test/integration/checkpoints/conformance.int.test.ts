import * as vitest from 'vitest';
import { validate } from '@langchain/langgraph-checkpoint-validation';
import type { BallastPostgresSaver } from '../../../src/checkpoints/index.js';
import { CHECKPOINT_SCHEMA, openCheckpointSaver } from '../../../src/checkpoints/index.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

// The suite calls Jest-style globals (describe, it, expect, hooks) without importing them, and
// the vitest config does not enable globals: provide vitest's own before it registers.
const { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, test } = vitest;
Object.assign(globalThis, {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  test,
});

let database: TestDatabase | undefined;

// LangGraph's checkpointer conformance suite, run against the saver exactly as Ballast
// configures it: the shared pool, its own schema, setup under the advisory lock.
validate<BallastPostgresSaver>({
  checkpointerName: `ballast-postgres-saver (${TEST_DATABASE_MODE})`,
  beforeAllTimeout: 60_000,
  async beforeAll() {
    database = await createTestDatabase();
  },
  async afterAll() {
    await database?.destroy();
  },
  async createCheckpointer() {
    const saver = await openCheckpointSaver(database!.db.pool);
    // Each instance must start empty; the suite never runs two at once.
    await database!.db.pool.query(
      `TRUNCATE ${CHECKPOINT_SCHEMA}.checkpoints, ${CHECKPOINT_SCHEMA}.checkpoint_blobs,
         ${CHECKPOINT_SCHEMA}.checkpoint_writes`,
    );
    return saver;
  },
});
