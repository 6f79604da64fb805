import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_QUEUE } from '../../src/ingest/ingest-job-row.js';
import { JOB_SCHEMA } from '../../src/jobs/job-queue.js';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { generateCorpus } from '../support/corpus.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';
import { waitFor } from '../support/wait-for.js';

const JOB = `query ($id: ID!) { ingestJob(id: $id) { status documentsDone documentsTotal chunksTotal } }`;
type Job = { status: string; documentsDone: number; documentsTotal: number; chunksTotal: number };

async function readJob(server: ChildServer, id: string): Promise<Job> {
  const response = await postGraphQL<{ ingestJob: Job }>(server.url, JOB, { id });
  if (!response.data) throw new Error(`ingestJob failed: ${JSON.stringify(response.errors)}`);
  return response.data.ingestJob;
}

const LEASE_SECONDS = 3;
const DOCUMENTS = 300;
// From the kill: the dead process's lease lapses (one lease), the next sweep finds it (a third
// of a lease), pg-boss's first retry delay (at most 2 s); the margin covers the second server's
// start and embedding the taken-over batch and the last one. The old path waited for the
// job's expiry (300 s) and the next maintenance pass (up to 60 s more).
const TAKEOVER_DEADLINE_MS = (LEASE_SECONDS + LEASE_SECONDS / 3 + 2) * 1000 + 20_000;

// Two processes on one database, one of them killed: embedded PGlite belongs to one process,
// and its restart path (orphans re-queued at start) is covered by ingest-crash.e2e.test.ts.
describe.runIf(TEST_DATABASE_URL)(
  'a dead process’s ingest batch is taken over within a lease',
  () => {
    let fake: FakeLlmServer;
    let dir: string;
    let database: TestDatabase;
    let env: Record<string, string>;
    const running: ChildServer[] = [];

    beforeAll(async () => {
      fake = await createFakeLlmServer();
      // Slow embeddings keep each batch running for seconds, so the kill lands inside one.
      fake.script('slow-embed', { latencyMs: 300 });
      dir = mkdtempSync(path.join(tmpdir(), 'ballast-takeover-'));
      const configFile = path.join(dir, 'models.json');
      writeFileSync(
        configFile,
        JSON.stringify({
          chat: [{ id: 'local', provider: 'local' }],
          embedding: { id: 'emb', baseURL: fake.url, model: 'slow-embed', dimensions: 32 },
        }),
      );
      database = await createTestDatabase();
      // Job expiry and pg-boss maintenance keep their defaults (300 s, 60 s): only the lease
      // can bring the batch back in time.
      env = {
        BALLAST_CONFIG: configFile,
        DATABASE_URL: database.url!,
        BALLAST_INGEST_LEASE_SECONDS: String(LEASE_SECONDS),
        // One batch at a time: the killed process holds the batch after the first.
        BALLAST_WORKER_CONCURRENCY: '1',
        // Polling every 50 ms for minutes (the old path) would exceed the default request budget.
        BALLAST_RATE_LIMIT_PER_MINUTE: '100000',
      };
    });
    afterAll(async () => {
      for (const child of running) await child.stop('SIGKILL');
      await database?.destroy();
      await fake?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('finishes the job on another process, every document once, well before the old expiry', async () => {
      const first = await spawnServer(env);
      running.push(first);
      const created = await postGraphQL<{ createCollection: { id: string } }>(
        first.url,
        'mutation { createCollection(input: { name: "takeover" }) { id } }',
      );
      const accepted = await postGraphQL<{ ingestDocuments: { id: string } }>(
        first.url,
        'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
        {
          input: {
            collectionId: created.data!.createCollection.id,
            documents: generateCorpus(DOCUMENTS),
          },
        },
      );
      const jobId = accepted.data!.ingestDocuments.id;

      const activeBatches = async () =>
        (
          await database.db.pool.query<{ id: string }>(
            `SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'active'`,
            [INGEST_QUEUE],
          )
        ).rows.map((r) => r.id);
      // One batch committed and the next one in the first process's hands.
      const held = await waitFor(async () => {
        if ((await readJob(first, jobId)).documentsDone === 0) return undefined;
        const ids = await activeBatches();
        return ids.length > 0 ? ids : undefined;
      }, 60_000);
      await first.stop('SIGKILL');
      const killedAt = Date.now();
      // Read after the kill: the batch `held` saw may have been committed just before it, and
      // the dead process, the only worker so far, then held the next one. Any batch still
      // active now is one it held when it died.
      const orphaned = await activeBatches();
      expect(
        orphaned.length,
        `the kill landed between batches (held before: ${held.join(', ')})`,
      ).toBeGreaterThan(0);

      const second = await spawnServer(env);
      running.push(second);
      const readyMs = Date.now() - killedAt;
      const finished = await waitFor(async () => {
        const job = await readJob(second, jobId);
        return job.status === 'SUCCEEDED' || job.status === 'FAILED' ? job : undefined;
      }, TAKEOVER_DEADLINE_MS);
      const finishedMs = Date.now() - killedAt;
      expect(finishedMs).toBeLessThan(TAKEOVER_DEADLINE_MS);
      expect(finished).toMatchObject({
        status: 'SUCCEEDED',
        documentsDone: DOCUMENTS,
        documentsTotal: DOCUMENTS,
      });

      // The dead process's batch was the one run again, as a retry (settled once its handler,
      // which may build the collection's index after the job ends, returns).
      const retried = await waitFor(async () => {
        const result = await database.db.pool.query<{
          state: string;
          retry_count: number;
          started_ms: number;
        }>(
          `SELECT state, retry_count, extract(epoch FROM started_on) * 1000 AS started_ms
         FROM ${JOB_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
          [INGEST_QUEUE, orphaned],
        );
        return result.rows.every((r) => r.state === 'completed') ? result.rows : undefined;
      }, 30_000);
      expect(retried.every((r) => r.retry_count >= 1)).toBe(true);
      const takenOverMs = Math.max(...retried.map((r) => Number(r.started_ms))) - killedAt;
      console.info(
        `after the kill: second server ready in ${readyMs} ms, batch taken over in ` +
          `${Math.round(takenOverMs)} ms, job finished in ${finishedMs} ms`,
      );

      const stats = await postGraphQL<{
        collections: { edges: { node: { documentCount: number; chunkCount: number } }[] };
      }>(second.url, '{ collections { edges { node { documentCount chunkCount } } } }');
      const node = stats.data!.collections.edges[0]!.node;
      expect(node.documentCount).toBe(DOCUMENTS);
      expect(node.chunkCount).toBe(finished.chunksTotal);
      await second.stop('SIGTERM');
    }, 180_000);
  },
);
