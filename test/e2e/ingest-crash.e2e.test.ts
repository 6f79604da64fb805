import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { waitFor } from '../support/wait-for.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { generateCorpus } from '../support/corpus.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/database.js';

const JOB = `query ($id: ID!) { ingestJob(id: $id) { status documentsDone documentsTotal chunksTotal } }`;
type Job = {
  ingestJob: { status: string; documentsDone: number; documentsTotal: number; chunksTotal: number };
};

// A server killed with SIGKILL in the middle of a job: the restarted server finishes the
// job, and no document or chunk is written twice.
describe(`an ingest job survives SIGKILL (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  const running: ChildServer[] = [];

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    // Slow embeddings keep the job running long enough to be killed in the middle.
    fake.script('slow-embed', { latencyMs: 250 });
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-crash-'));
    const configFile = path.join(dir, 'models.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        chat: [{ id: 'local', provider: 'local' }],
        embedding: { id: 'emb', baseURL: fake.url, model: 'slow-embed', dimensions: 32 },
      }),
    );
    // PostgreSQL mode: the restarted server takes the killed one's batches once their lease
    // lapses (embedded mode re-queues them at start).
    env = { BALLAST_CONFIG: configFile, BALLAST_INGEST_LEASE_SECONDS: '5' };
    if (TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env['DATABASE_URL'] = database.url!;
    } else {
      env['BALLAST_DATA_DIR'] = path.join(dir, 'data');
    }
  });
  afterAll(async () => {
    for (const child of running) await child.stop('SIGKILL');
    await database?.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the job after a restart with every document written once', async () => {
    const first = await spawnServer(env);
    running.push(first);
    const created = await postGraphQL<{ createCollection: { id: string } }>(
      first.url,
      'mutation { createCollection(input: { name: "crash" }) { id } }',
    );
    const corpus = generateCorpus(160);
    const accepted = await postGraphQL<{ ingestDocuments: { id: string } }>(
      first.url,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId: created.data!.createCollection.id, documents: corpus } },
    );
    const jobId = accepted.data!.ingestDocuments.id;

    const midway = await waitFor(async () => {
      const job = (await postGraphQL<Job>(first.url, JOB, { id: jobId })).data!.ingestJob;
      return job.documentsDone > 0 ? job : undefined;
    }, 30_000);
    await first.stop('SIGKILL');
    expect(midway.status).toBe('RUNNING');
    expect(midway.documentsDone).toBeLessThan(160);

    const second = await spawnServer(env);
    running.push(second);
    const finished = await waitFor(async () => {
      const job = (await postGraphQL<Job>(second.url, JOB, { id: jobId })).data!.ingestJob;
      return job.status === 'SUCCEEDED' || job.status === 'FAILED' ? job : undefined;
    }, 60_000);
    expect(finished).toMatchObject({
      status: 'SUCCEEDED',
      documentsDone: 160,
      documentsTotal: 160,
    });

    const stats = await postGraphQL<{
      collections: { edges: { node: { documentCount: number; chunkCount: number } }[] };
    }>(second.url, '{ collections { edges { node { documentCount chunkCount } } } }');
    const node = stats.data!.collections.edges[0]!.node;
    expect(node.documentCount).toBe(160);
    expect(node.chunkCount).toBe(finished.chunksTotal);
    await second.stop('SIGTERM');
  });
});
