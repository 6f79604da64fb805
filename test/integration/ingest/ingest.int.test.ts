import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSubscription, wsClient } from '../../support/graphql-ws-client.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const CREATE = `mutation ($name: String!) { createCollection(input: { name: $name }) { id } }`;
const INGEST = `mutation ($input: IngestDocumentsInput!) {
  ingestDocuments(input: $input) { id status documentsTotal }
}`;
const UPDATES = `subscription ($id: ID!) {
  ingestJobUpdates(id: $id) {
    status documentsDone documentsFailed chunksTotal chunksEmbedded chunksReused chunksDeleted
    piiRedacted { type count } errors { documentIndex code message }
  }
}`;
const SEARCH = `query ($c: ID!, $q: String!, $k: Int, $f: JSON) {
  search(collectionId: $c, query: $q, k: $k, filter: $f) {
    score vectorRank textRank chunk { id text document { id title } }
  }
}`;

interface JobUpdate {
  ingestJobUpdates: {
    status: string;
    documentsDone: number;
    documentsFailed: number;
    chunksTotal: number;
    chunksEmbedded: number;
    chunksReused: number;
    chunksDeleted: number;
    piiRedacted: { type: string; count: number }[];
    errors: { documentIndex: number; code: string; message: string }[];
  };
}
interface Hit {
  score: number;
  chunk: { id: string; text: string; document: { id: string; title: string } };
}

const handbook = (leave: string) => `# Employee handbook

## Working hours
Core hours are ten to four. Flexible time is recorded in the time sheet every Friday.

## Leave
${leave}

## Equipment
Laptops are replaced every three years. Report a broken device to the service desk.`;

describe(`ingestion and search (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let collectionId: string;

  const ingest = async (documents: unknown[]) => {
    const result = await server.execute<{ ingestDocuments: { id: string; status: string } }>(
      INGEST,
      {
        input: { collectionId, documents },
      },
    );
    expect(result.errors).toBeUndefined();
    const client = wsClient(server.url);
    try {
      const updates = await collectSubscription<JobUpdate>(client, UPDATES, {
        id: result.data!.ingestDocuments.id,
      });
      return updates.map((u) => u.ingestJobUpdates);
    } finally {
      await client.dispose();
    }
  };
  const search = async (q: string, extra: Record<string, unknown> = {}) => {
    const result = await server.execute<{ search: Hit[] }>(SEARCH, {
      c: collectionId,
      q,
      ...extra,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  };
  const chunkIds = async () =>
    (await database.db.pool.query<{ id: string }>('SELECT id FROM chunks ORDER BY id')).rows.map(
      (r) => r.id,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    const created = await server.execute<{ createCollection: { id: string } }>(CREATE, {
      name: 'docs',
    });
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('indexes documents and reports progress by subscription until SUCCEEDED', async () => {
    const updates = await ingest([
      {
        title: 'Handbook',
        markdown: handbook('Annual leave is twenty-five days. Parental leave is sixteen weeks.'),
        metadata: { team: 'hr' },
      },
      {
        title: 'Expenses',
        html: '<h1>Expenses</h1><p>Travel is booked through the portal.</p><p>Receipts are due within 30 days.</p>',
        metadata: { team: 'finance' },
      },
      {
        title: 'Security',
        text: 'Passwords rotate every ninety days. Two-factor authentication is mandatory.',
        metadata: { team: 'it' },
      },
    ]);
    const last = updates.at(-1)!;
    expect(last.status).toBe('SUCCEEDED');
    expect(last.documentsDone).toBe(3);
    expect(last.chunksTotal).toBeGreaterThanOrEqual(3);
    expect(last.chunksEmbedded).toBe(last.chunksTotal);

    const collection = await server.execute<{
      collection: {
        documentCount: number;
        chunkCount: number;
        embeddingModel: string;
        dimensions: number;
      };
    }>(
      `query ($id: ID!) { collection(id: $id) { documentCount chunkCount embeddingModel dimensions } }`,
      {
        id: collectionId,
      },
    );
    expect(collection.data!.collection).toMatchObject({
      documentCount: 3,
      chunkCount: last.chunksTotal,
      dimensions: 384,
    });
  });

  it('finds the right passage by meaning and by keyword', async () => {
    const hits = await search('how many weeks of parental leave');
    expect(hits[0]!.chunk.document.title).toBe('Handbook');
    expect(hits[0]!.chunk.text).toMatch(/sixteen weeks/);
    const keyword = await search('receipts');
    expect(keyword[0]!.chunk.document.title).toBe('Expenses');
  });

  it('applies a metadata filter and still returns every match', async () => {
    const hits = await search('policy', { f: { team: 'it' }, k: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.chunk.document.title))).toEqual(new Set(['Security']));
  });

  it('treats re-ingesting the same documents as a no-op', async () => {
    const before = await chunkIds();
    const updates = await ingest([
      {
        title: 'Handbook',
        markdown: handbook('Annual leave is twenty-five days. Parental leave is sixteen weeks.'),
        metadata: { team: 'hr' },
      },
    ]);
    expect(updates.at(-1)).toMatchObject({
      status: 'SUCCEEDED',
      chunksEmbedded: 0,
      chunksDeleted: 0,
    });
    expect(await chunkIds()).toEqual(before);
  });

  it('re-embeds only the changed section of a changed document', async () => {
    const before = new Set(await chunkIds());
    const updates = await ingest([
      {
        title: 'Handbook',
        markdown: handbook('Annual leave is thirty days. Parental leave is twenty weeks.'),
        metadata: { team: 'hr' },
      },
    ]);
    const last = updates.at(-1)!;
    expect(last.status).toBe('SUCCEEDED');
    expect(last.chunksEmbedded).toBeGreaterThanOrEqual(1);
    expect(last.chunksEmbedded).toBeLessThan(last.chunksTotal);
    expect(last.chunksDeleted).toBe(last.chunksEmbedded);
    const after = await chunkIds();
    expect(after.filter((id) => before.has(id)).length).toBe(after.length - last.chunksEmbedded);
    const hits = await search('parental leave weeks');
    expect(hits[0]!.chunk.text).toMatch(/twenty weeks/);
    expect(hits.some((h) => /sixteen weeks/.test(h.chunk.text))).toBe(false);
  });

  it('redacts PII before storage and counts it on the job', async () => {
    const updates = await ingest([
      {
        title: 'Contacts',
        text: 'Write to jane.doe@example.com or call +44 20 7946 0958. Card 4111 1111 1111 1111 is the corporate card.',
      },
    ]);
    const last = updates.at(-1)!;
    expect(last.piiRedacted).toEqual(
      expect.arrayContaining([
        { type: 'EMAIL', count: 1 },
        { type: 'PHONE', count: 1 },
        { type: 'CREDIT_CARD', count: 1 },
      ]),
    );
    const stored = await database.db.pool.query<{ text: string }>(
      'SELECT text FROM chunks UNION ALL SELECT text FROM ingest_job_items UNION ALL SELECT title FROM documents',
    );
    const everything = stored.rows.map((r) => r.text).join('\n');
    expect(everything).toContain('[EMAIL_1]');
    expect(everything).not.toMatch(/jane\.doe|4111 1111|7946/);
  });

  it('deletes a document and its chunks', async () => {
    const [hit] = await search('two-factor authentication');
    const deleted = await server.execute(`mutation ($id: ID!) { deleteDocument(id: $id) }`, {
      id: hit!.chunk.document.id,
    });
    expect(deleted.data).toEqual({ deleteDocument: true });
    const again = await server.execute(`mutation ($id: ID!) { deleteDocument(id: $id) }`, {
      id: hit!.chunk.document.id,
    });
    expect(again.data).toEqual({ deleteDocument: false });
    const hits = await search('two-factor authentication');
    expect(hits.some((h) => h.chunk.document.title === 'Security')).toBe(false);
  });

  it.each([
    ['no body', [{ title: 'x' }]],
    ['two bodies', [{ title: 'x', text: 'a', html: '<p>a</p>' }]],
    ['an empty title', [{ title: ' ', text: 'a' }]],
    ['a body over the limit', [{ title: 'x', text: 'a'.repeat(2 * 1024 * 1024 + 1) }]],
    ['too many documents', Array.from({ length: 1001 }, (_, i) => ({ title: `d${i}`, text: 'a' }))],
    [
      'the same title twice',
      [
        { title: 'x', text: 'a' },
        { title: 'x', text: 'b' },
      ],
    ],
    ['a document empty after cleaning', [{ title: 'x', html: '<script>alert(1)</script>' }]],
  ])('rejects %s with BAD_USER_INPUT and stores nothing', async (_case, documents) => {
    const jobsBefore = await database.db.pool.query('SELECT count(*)::int AS n FROM ingest_jobs');
    const result = await server.execute(INGEST, { input: { collectionId, documents } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const jobsAfter = await database.db.pool.query('SELECT count(*)::int AS n FROM ingest_jobs');
    expect(jobsAfter.rows[0].n).toBe(jobsBefore.rows[0].n);
  });

  it('answers NOT_FOUND for an unknown collection', async () => {
    const result = await server.execute(INGEST, {
      input: { collectionId: `col_${'0'.repeat(32)}`, documents: [{ title: 'x', text: 'a' }] },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const search = await server.execute(SEARCH, { c: 'nope', q: 'x' });
    expect(search.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
