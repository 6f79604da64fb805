// Runs one question through the graph in its own process, for the crash test to SIGKILL.
// Env: DATABASE_URL, FAKE_URL, THREAD_ID, WORKSPACE_ID, COLLECTION_ID, QUESTION.
import { streamAgenticRag } from '../../../../graphs/agentic-rag/index.js';
import { openPostgresDatabase } from '../../../../src/db/postgres.js';
import { silentLogger } from '../../../../src/logger.js';
import { remoteGraph, remoteRegistry } from './remote-graph.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const db = await openPostgresDatabase({ url: env('DATABASE_URL'), max: 2, logger: silentLogger });
const graph = await remoteGraph(db.pool, remoteRegistry(env('FAKE_URL')));
for await (const chunk of streamAgenticRag(graph, {
  threadId: env('THREAD_ID'),
  input: {
    workspaceId: env('WORKSPACE_ID'),
    collectionId: env('COLLECTION_ID'),
    question: env('QUESTION'),
  },
})) {
  void chunk;
}
await db.close();
