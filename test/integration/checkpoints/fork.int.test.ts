import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkpointHistory,
  openCheckpointSaver,
  threadConfig,
} from '../../../src/checkpoints/index.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { tinyGraph } from './tiny-graph.js';

describe(`forking a thread (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  // Two runs, then a third forked from the end of the first: the fork's state must be
  // [first, fork], never the abandoned second run's.
  const forkAfterTwoRuns = async (graph: ReturnType<typeof tinyGraph>, threadId: string) => {
    await graph.invoke({ note: 'first' }, threadConfig(threadId));
    await graph.invoke({ note: 'second' }, threadConfig(threadId));
    const endOfFirst = (await checkpointHistory(database.db.pool, threadId)).filter(
      (entry) => entry.node === 'append',
    )[1]!;
    await graph.invoke({ note: 'fork' }, threadConfig(threadId, endOfFirst.checkpointId));
    return (await graph.getState(threadConfig(threadId))).values.notes;
  };

  it('the configured saver reads a fork back with its own values', async () => {
    const graph = tinyGraph(await openCheckpointSaver(database.db.pool));
    expect(await forkAfterTwoRuns(graph, 'fork-safe')).toEqual(['first', 'fork']);
  });

  it('for contrast, the stock PostgresSaver returns the abandoned branch’s values', async () => {
    await openCheckpointSaver(database.db.pool);
    const stock = new PostgresSaver(database.db.pool, undefined, { schema: 'ballast_checkpoints' });
    // If this starts failing, upstream fixed its versioning and BallastPostgresSaver can go.
    expect(await forkAfterTwoRuns(tinyGraph(stock), 'fork-stock')).toEqual(['first', 'second']);
  });
});
