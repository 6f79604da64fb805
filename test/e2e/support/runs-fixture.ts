import type { Client } from 'graphql-ws';
import { decodeId } from '../../../src/graphql/ids.js';
import { parseModelsConfig, type ModelsConfig } from '../../../src/models/config.js';
import type { FakeLlmServer } from '../../fake-llm/server.js';
import type { FakeBehaviour } from '../../fake-llm/behaviours.js';
import { postGraphQL } from '../../support/child-server.js';
import type { TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';

/** Every field of every run event, for subscriptions. */
export const EVENT_FIELDS = `
  __typename seq runId at
  ... on RunResumed { attempt }
  ... on NodeFinished { node }
  ... on RetrievalDone { query chunks { id } }
  ... on TokenDelta { text }
  ... on ModelFallback { fromModel toModel reason restart }
  ... on RunCompleted { answer { text model fallbackPath cached grounded citations { chunk { id } } } }
  ... on RunFailed { code message }`;

/** A run event as the tests read it. */
export interface StreamedEvent {
  __typename: string;
  seq: number;
  runId: string;
  text?: string;
  restart?: boolean;
  reason?: string;
  answer?: {
    text: string;
    model: string;
    fallbackPath: string[];
    citations: { chunk: { id: string } | null }[];
  };
  code?: string;
}

/** A remote `primary` chat model on the fake server (no retries), for a models file. */
export function primaryOn(fake: { url: string }) {
  return {
    id: 'primary',
    baseURL: fake.url,
    model: 'primary',
    timeoutMs: 20_000,
    firstTokenTimeoutMs: 5_000,
    maxRetries: 0,
    breaker: { failureThreshold: 1000, cooldownMs: 60_000 },
  };
}

/**
 * {@link primaryOn} with minutes instead of seconds to answer: for fault scenarios whose runs
 * share a loaded 2-core machine, where a slow first token must not turn into a fallback.
 */
export function patientPrimary(fake: { url: string }) {
  return { ...primaryOn(fake), timeoutMs: 120_000, firstTokenTimeoutMs: 60_000 };
}

/** Models: `primary` on the fake server, then the local model; local embeddings. */
export function fakeChain(fake: FakeLlmServer): ModelsConfig {
  const parsed = parseModelsConfig(
    { chat: [primaryOn(fake)], embedding: { id: 'emb', provider: 'local' } },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.config;
}

/** The fake's reply to a `grade` request marking `chunkIds` relevant. */
export const gradeReply = (chunkIds: readonly string[]): FakeBehaviour => ({
  json: { relevant: chunkIds.length > 0, score: 0.9, relevantChunkIds: chunkIds },
});

/** The fake's reply to an `answer` request. */
export const answerReply = (
  answer: string,
  citations: readonly string[],
  extra: FakeBehaviour = {},
): FakeBehaviour => ({ json: { answer, citations, grounded: true }, ...extra });

/**
 * The fake's reply to every chat request of a run: one JSON object that is both a valid
 * grade (every chunk relevant) and a valid answer citing every chunk, `answer` first so its
 * first token carries answer text. One behaviour for every request keeps concurrent runs from
 * taking each other's scripted replies.
 */
export function universalReply(
  answer: string,
  chunkIds: readonly string[],
  extra: FakeBehaviour = {},
): FakeBehaviour {
  return {
    json: {
      answer,
      citations: chunkIds,
      grounded: true,
      relevant: true,
      score: 0.9,
      relevantChunkIds: chunkIds,
    },
    ...extra,
  };
}

/** The handbook every runs test asks about. */
export const HANDBOOK_DOCUMENTS = [
  {
    title: 'Leave policy',
    text: 'Annual leave is twenty-five days per year. Parental leave is sixteen weeks at full pay.',
  },
  {
    title: 'Security policy',
    text: 'Passwords rotate every ninety days. Two-factor authentication is mandatory for everyone.',
  },
  {
    title: 'Expenses policy',
    text: 'Receipts are due within thirty days. Travel is booked through the company portal.',
  },
];

/** Creates a collection, ingests `documents` and waits for the job to end. */
export async function seedThroughGraphQL(
  server: TestServer,
  documents: { title: string; text: string }[] = HANDBOOK_DOCUMENTS,
): Promise<{ collectionId: string; chunkIds: (text: RegExp) => Promise<string[]> }> {
  const created = await server.execute<{ createCollection: { id: string } }>(
    'mutation { createCollection(input: { name: "runs" }) { id } }',
  );
  const collectionId = created.data!.createCollection.id;
  const job = await server.execute<{ ingestDocuments: { id: string } }>(
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
    { input: { collectionId, documents } },
  );
  const jobId = job.data!.ingestDocuments.id;
  await waitFor({
    what: `seeding: ingest job ${jobId} SUCCEEDED`,
    read: async () => {
      const state = await server.execute<{ ingestJob: { status: string } | null }>(
        'query ($id: ID!) { ingestJob(id: $id) { status } }',
        { id: jobId },
      );
      return state.data?.ingestJob?.status ?? `no job: ${JSON.stringify(state.errors)}`;
    },
    until: (status) => status === 'SUCCEEDED',
    failWhen: (status) => status !== 'QUEUED' && status !== 'RUNNING',
    timeoutMs: 60_000,
  });
  return {
    collectionId,
    chunkIds: async (pattern) => {
      const rows = await server.services.db.pool.query<{ id: string; text: string }>(
        'SELECT id, text FROM chunks ORDER BY ordinal',
      );
      return rows.rows.filter((r) => pattern.test(r.text)).map((r) => r.id);
    },
  };
}

/**
 * Subscribes and collects events until the terminal one, or until `stopWhen` returns true
 * (then the subscription is closed, like a client going away).
 */
export function collectEvents(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  stopWhen: (events: StreamedEvent[]) => boolean = () => false,
): Promise<StreamedEvent[]> {
  const events: StreamedEvent[] = [];
  return new Promise((resolve, reject) => {
    const unsubscribe = client.subscribe<Record<string, StreamedEvent>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          events.push(Object.values(result.data!)[0]!);
          if (stopWhen(events)) {
            unsubscribe();
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(events),
      },
    );
  });
}

/** The answer text a client assembles from token events (dropping text on a restart). */
export function assembleText(events: readonly StreamedEvent[]): string {
  let text = '';
  for (const event of events) {
    if (event.__typename === 'TokenDelta') text += event.text;
    const restart =
      (event.__typename === 'ModelFallback' && event.restart) || event.__typename === 'RunResumed';
    if (restart) text = '';
  }
  return text;
}

/**
 * Creates a collection on a server run as a child process, ingests the handbook into it and
 * waits for the job; returns the collection's id and the handbook's chunk ids (raw UUIDs, as
 * models cite them).
 */
export async function seedChildServer(
  url: string,
  name: string,
): Promise<{ collectionId: string; chunkIds: string[] }> {
  const data = async <T>(query: string, variables?: Record<string, unknown>) => {
    const result = await postGraphQL<T>(url, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const { createCollection } = await data<{ createCollection: { id: string } }>(
    'mutation ($name: String!) { createCollection(input: { name: $name }) { id } }',
    { name },
  );
  const collectionId = createCollection.id;
  const { ingestDocuments } = await data<{ ingestDocuments: { id: string } }>(
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
    { input: { collectionId, documents: HANDBOOK_DOCUMENTS } },
  );
  await waitFor(async () => {
    const { ingestJob } = await data<{ ingestJob: { status: string } }>(
      'query ($id: ID!) { ingestJob(id: $id) { status } }',
      { id: ingestDocuments.id },
    );
    return ingestJob.status === 'SUCCEEDED' ? true : undefined;
  }, 60_000);
  const { search } = await data<{ search: { chunk: { id: string } }[] }>(
    'query ($c: ID!) { search(collectionId: $c, query: "leave", k: 10) { chunk { id } } }',
    { c: collectionId },
  );
  return { collectionId, chunkIds: search.map((h) => decodeId('Chunk', h.chunk.id)!) };
}
