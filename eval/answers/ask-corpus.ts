import { openEmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_MODELS_CONFIG } from '../../src/models/config.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { waitFor } from '../../test/support/wait-for.js';
import type { CorpusDocument } from './questions.js';
import type { EvalAnswer } from './score.js';

const RUN = `query ($id: ID!) {
  run(id: $id) {
    status
    error { code message }
    answer { text grounded citations { chunk { headingPath document { title } } } }
    events(first: 1000) { __typename }
  }
}`;

interface RunView {
  status: string;
  error: { code: string; message: string } | null;
  answer: {
    text: string;
    grounded: boolean;
    citations: { chunk: { headingPath: string[]; document: { title: string } | null } | null }[];
  } | null;
  events: { __typename: string }[];
}

/** A corpus ingested into a fresh server with the default (local) models, ready for questions. */
export interface AskableCorpus {
  ask(question: string): Promise<EvalAnswer>;
  close(): Promise<void>;
}

/**
 * Starts a server on an in-memory embedded database with the default models — what a new
 * user gets — ingests `corpus` as Markdown through GraphQL and waits for the job to end.
 * Questions go through `ask` (each on a new thread) and are read back from `run` when it ends.
 */
export async function ingestCorpus(corpus: readonly CorpusDocument[]): Promise<AskableCorpus> {
  const db = await openEmbeddedDatabase({ logger: silentLogger });
  let server: TestServer | undefined;
  try {
    await migrate(db.pool);
    server = await startTestServer({
      db,
      models: DEFAULT_MODELS_CONFIG,
      rateLimits: { requestsPerMinute: 100_000 },
    });
    const collectionId = await ingest(server, corpus);
    const running = server;
    return {
      ask: (question) => ask(running, collectionId, question),
      async close() {
        await running.stop();
        await db.close();
      },
    };
  } catch (error) {
    await server?.stop();
    await db.close();
    throw error;
  }
}

async function ingest(server: TestServer, corpus: readonly CorpusDocument[]): Promise<string> {
  const created = await server.execute<{ createCollection: { id: string } }>(
    'mutation { createCollection(input: { name: "answers-eval" }) { id } }',
  );
  const collectionId = created.data!.createCollection.id;
  const job = await server.execute<{ ingestDocuments: { id: string } }>(
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
    {
      input: {
        collectionId,
        documents: corpus.map(({ title, markdown }) => ({ title, markdown })),
      },
    },
  );
  if (!job.data) throw new Error(`ingestDocuments failed: ${JSON.stringify(job.errors)}`);
  await waitFor({
    what: 'the corpus ingest job to succeed',
    read: async () => {
      const state = await server.execute<{ ingestJob: { status: string } | null }>(
        'query ($id: ID!) { ingestJob(id: $id) { status } }',
        { id: job.data!.ingestDocuments.id },
      );
      return state.data?.ingestJob?.status ?? 'missing';
    },
    until: (status) => status === 'SUCCEEDED',
    failWhen: (status) => !['QUEUED', 'RUNNING'].includes(status),
    timeoutMs: 120_000,
  });
  return collectionId;
}

async function ask(server: TestServer, collectionId: string, question: string) {
  const asked = await server.execute<{ ask: { id: string } }>(
    'mutation ($input: AskInput!) { ask(input: $input) { id } }',
    { input: { collectionId, question } },
  );
  if (!asked.data) throw new Error(`ask failed: ${JSON.stringify(asked.errors)}`);
  const run = await waitFor({
    what: `the run for "${question}" to end`,
    read: async () =>
      (await server.execute<{ run: RunView }>(RUN, { id: asked.data!.ask.id })).data!.run,
    until: (view) => !['QUEUED', 'RUNNING'].includes(view.status),
    timeoutMs: 60_000,
    intervalMs: 20,
  });
  if (run.status !== 'SUCCEEDED' || run.answer === null) {
    throw new Error(`run for "${question}" ended ${run.status}: ${JSON.stringify(run.error)}`);
  }
  return {
    text: run.answer.text,
    grounded: run.answer.grounded,
    citations: run.answer.citations.map(({ chunk }) => ({
      document: chunk?.document?.title ?? '(deleted)',
      headingPath: chunk?.headingPath ?? [],
    })),
    tokenDeltas: run.events.filter((event) => event.__typename === 'TokenDelta').length,
  };
}
