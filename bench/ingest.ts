// `npm run bench -- ingest`: chunks per second through the whole ingestion pipeline (clean,
// redact, chunk, dedup, local embedder, bulk insert, HNSW + GIN maintenance), measured from
// submission to the job's end, on the local PostgreSQL and on embedded PGlite.
import { startServices } from '../src/app/start-services.js';
import type { Database } from '../src/db/database.js';
import { submitIngest } from '../src/ingest/submit-ingest.js';
import { silentLogger } from '../src/logger.js';
import { DEFAULT_MODELS_CONFIG } from '../src/models/config.js';
import { DEFAULT_WORKSPACE_ID } from '../src/workspaces/default-workspace.js';
import { generateCorpus } from '../test/support/corpus.js';
import { freshDatabase, round } from './_support.js';

async function measure(mode: Database['mode'], documents: number) {
  const bench = await freshDatabase(mode);
  const services = await startServices({
    db: bench.db,
    logger: silentLogger,
    version: 'bench',
    models: DEFAULT_MODELS_CONFIG,
    databaseUrl: bench.url,
    jobs: { worker: true, expireInSeconds: 600, maintenanceIntervalSeconds: 60 },
  });
  try {
    const collection = await bench.db.pool.query<{ id: string }>(
      `INSERT INTO collections (workspace_id, name) VALUES ($1, 'bench') RETURNING id`,
      [DEFAULT_WORKSPACE_ID],
    );
    const corpus = generateCorpus(documents, 11);
    const started = performance.now();
    const jobIds: string[] = [];
    for (let i = 0; i < corpus.length; i += 1000) {
      const documents = corpus.slice(i, i + 1000);
      jobIds.push(
        (
          await submitIngest(
            { ...services, embedder: services.models.embedding },
            DEFAULT_WORKSPACE_ID,
            collection.rows[0]!.id,
            { documents },
          )
        ).id,
      );
    }
    const accepted = performance.now();
    let row: { open: number; chunks: number; failed: number };
    do {
      await new Promise((r) => setTimeout(r, 50));
      const result = await bench.db.pool.query(
        `SELECT count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING'))::int AS open,
                count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
                sum(chunks_total)::int AS chunks
         FROM ingest_jobs WHERE id = ANY($1::uuid[])`,
        [jobIds],
      );
      row = result.rows[0];
    } while (row.open > 0);
    const seconds = (performance.now() - started) / 1000;
    return {
      mode,
      documents,
      chunks: row.chunks,
      failedJobs: row.failed,
      acceptMs: round(accepted - started),
      seconds: round(seconds),
      chunksPerSecond: round(row.chunks / seconds, 0),
    };
  } finally {
    await services.stop();
    await bench.dispose();
  }
}

export default async function benchIngest() {
  const postgres = await measure('POSTGRES', 2000);
  const embedded = await measure('EMBEDDED', 300);
  return { targetChunksPerSecondPostgres: 2000, postgres, embedded };
}
