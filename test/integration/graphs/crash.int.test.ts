import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointHistory } from '../../../src/checkpoints/index.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { answerReply, chatLog, gradeReply } from './support/fake-replies.js';
import { remoteGraph, remoteRegistry } from './support/remote-graph.js';
import { runToEnd } from './support/run-to-end.js';
import { HANDBOOK, seedCollection, type SeededCollection } from './support/seed-collection.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = 'test/integration/graphs/support/crash-child.ts';
const QUESTION = 'How many days of annual leave do employees get?';
const ANSWER = 'Employees get twenty-five days of annual leave per year.';
const THREAD = 'crash-thread';

// Two processes must share the database, which PGlite (in-process) cannot: real PostgreSQL only.
describe.runIf(process.env['TEST_DATABASE_URL'])('agentic-RAG graph: SIGKILL mid-run', () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let handbook: SeededCollection;
  const embeddingCalls = () => fake.requests.filter((r) => r.path === '/v1/embeddings').length;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    const registry = remoteRegistry(fake.url);
    handbook = await seedCollection(database.db.pool, registry.embedding, 'crash', HANDBOOK);
    await registry.close();
  });
  afterAll(async () => {
    await fake.close();
    await database.destroy();
  });

  it('resumes from the checkpoint after generate was killed, without re-running earlier nodes', async () => {
    const annual = handbook.documents[0]!.chunkIds[0]!;
    fake.reset();
    fake.script('primary', [
      gradeReply([annual]),
      answerReply(ANSWER, [annual], { firstTokenDelayMs: 60_000 }),
    ]);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: database.url!,
        FAKE_URL: fake.url,
        THREAD_ID: THREAD,
        WORKSPACE_ID: handbook.workspaceId,
        COLLECTION_ID: handbook.collectionId,
        QUESTION,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = once(child, 'exit');

    // Killed once retrieve and grade are checkpointed and generate's request is in flight.
    await expect
      .poll(async () => (await checkpointHistory(database.db.pool, THREAD)).map((e) => e.node), {
        timeout: 30_000,
        interval: 50,
      })
      .toContain('grade');
    await expect.poll(() => chatLog(fake), { timeout: 10_000 }).toContain('primary:answer');
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(chatLog(fake)).toEqual(['primary:grade', 'primary:answer']);
    expect(embeddingCalls()).toBe(1); // the cache lookup's, which the retrieval reuses

    fake.reset();
    fake.script('primary', answerReply(ANSWER, [annual]));
    const registry = remoteRegistry(fake.url);
    const graph = await remoteGraph(database.db.pool, registry);
    const resumed = await runToEnd(graph, { threadId: THREAD });
    await registry.close();

    expect(resumed.answer).toMatchObject({ text: ANSWER, model: 'primary', grounded: true });
    expect(resumed.nodes).toEqual(['generate', 'validate', 'respond']);
    expect(chatLog(fake)).toEqual(['primary:answer']);
    // The cache lookup and the retrieval are not repeated; `respond` embeds the question once
    // more for the cache entry, because embeddings are kept out of checkpoints.
    expect(embeddingCalls()).toBe(1);
    const nodes = (await checkpointHistory(database.db.pool, THREAD)).map((e) => e.node);
    for (const node of ['begin', 'cache', 'retrieve', 'grade']) {
      expect(nodes.filter((n) => n === node)).toHaveLength(1);
    }
  });
});
