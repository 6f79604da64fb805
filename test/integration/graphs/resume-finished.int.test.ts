import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgenticRagGraph } from '../../../graphs/agentic-rag/index.js';
import type { ModelRegistry } from '../../../src/models/registry.js';
import { agenticRagRunner } from '../../../src/runs/agentic-rag-runner.js';
import type { GraphRunOutput } from '../../../src/runs/graph-runner.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { answerReply, gradeReply } from './support/fake-replies.js';
import { remoteGraph, remoteRegistry } from './support/remote-graph.js';
import { runToEnd } from './support/run-to-end.js';
import { HANDBOOK, seedCollection, type SeededCollection } from './support/seed-collection.js';

const FIRST = 'How many days of annual leave do employees get?';
const SECOND = 'Is parental leave paid?';

// A run is resumed when its process died. The process may have died after the graph's last
// checkpoint (the graph had finished) but before the run's end was written, or after the run was
// claimed but before the graph stored its question. Resuming must then give the answer of that
// finished graph, or start this run's question: never "the graph ended without an answer".
describe(`resuming a run whose graph has nothing left to do (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let registry: ModelRegistry;
  let graph: AgenticRagGraph;
  let handbook: SeededCollection;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    registry = remoteRegistry(fake.url);
    handbook = await seedCollection(database.db.pool, registry.embedding, 'resume', HANDBOOK);
    graph = await remoteGraph(database.db.pool, registry);
  });
  afterAll(async () => {
    await registry?.close();
    await fake?.close();
    await database?.destroy();
  });

  const resume = async (threadId: string, question: string) => {
    const outputs: GraphRunOutput[] = [];
    const run = agenticRagRunner(graph).run(
      {
        runId: 'r',
        threadId,
        workspaceId: handbook.workspaceId,
        collectionId: handbook.collectionId,
        question,
        resume: true,
        fromCheckpointId: null,
      },
      new AbortController().signal,
    );
    for await (const output of run) outputs.push(output);
    return outputs.filter((o) => o.kind === 'answer').map((o) => o.answer);
  };

  it('gives the answer of the graph that finished before its process died', async () => {
    const annual = handbook.documents[0]!.chunkIds[0]!;
    fake.script('primary', [
      gradeReply([annual]),
      answerReply('Twenty-five days a year.', [annual]),
    ]);
    const finished = await runToEnd(graph, {
      threadId: 'finished',
      input: {
        workspaceId: handbook.workspaceId,
        collectionId: handbook.collectionId,
        question: FIRST,
      },
    });
    expect(finished.answer?.text).toBe('Twenty-five days a year.');
    const requests = fake.requests.length;
    const answers = await resume('finished', FIRST);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ text: 'Twenty-five days a year.' });
    expect(fake.requests.length).toBe(requests);
  });

  it("starts the run's own question when the graph never stored it", async () => {
    const annual = handbook.documents[0]!.chunkIds[0]!;
    fake.script('primary', [
      gradeReply([annual]),
      answerReply('Twenty-five days a year.', [annual]),
    ]);
    await runToEnd(graph, {
      threadId: 'unstarted',
      input: {
        workspaceId: handbook.workspaceId,
        collectionId: handbook.collectionId,
        question: FIRST,
      },
    });
    // The first question may have come from the answer cache, leaving its script unread.
    fake.reset();
    fake.script('primary', [gradeReply([annual]), answerReply('Yes, at full pay.', [annual])]);
    const answers = await resume('unstarted', SECOND);
    expect(answers.map((a) => a.text)).toEqual(['Yes, at full pay.']);
  });
});
