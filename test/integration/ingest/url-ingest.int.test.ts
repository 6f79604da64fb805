import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSubscription, wsClient } from '../../support/graphql-ws-client.js';
import { createTestDatabase, TEST_DATABASE_MODE } from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import type { UrlFetchPolicy } from '../../../src/files/url-policy.js';

const CREATE = `mutation ($name: String!) { createCollection(input: { name: $name }) { id } }`;
const INGEST = `mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }`;
const UPDATES = `subscription ($id: ID!) {
  ingestJobUpdates(id: $id) {
    status documentsDone documentsFailed chunksEmbedded piiRedacted { type count }
    errors { documentIndex code message }
  }
}`;
const SEARCH = `query ($c: ID!, $q: String!) {
  search(collectionId: $c, query: $q, k: 3) { chunk { text document { title sourceUri } } }
}`;

interface JobUpdate {
  status: string;
  documentsDone: number;
  documentsFailed: number;
  chunksEmbedded: number;
  piiRedacted: { type: string; count: number }[];
  errors: { documentIndex: number; code: string; message: string }[];
}

const PAGE = `<!doctype html><html><head><title>Travel</title></head><body>
<h1>Travel policy</h1><p>Train journeys under six hours are booked in second class.</p>
<p>Questions go to travel.desk@example.com.</p></body></html>`;

/** A local site the worker fetches from; it records every path asked for. */
async function startSite(): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/travel.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (request.url === '/to-metadata') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

async function stopSite(server: Server): Promise<void> {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

async function setUp(urlFetch: Partial<UrlFetchPolicy>) {
  const database = await createTestDatabase();
  const server = await startTestServer({ db: database.db, urlFetch });
  const created = await server.execute<{ createCollection: { id: string } }>(CREATE, {
    name: 'web',
  });
  return { database, server, collectionId: created.data!.createCollection.id };
}

async function ingest(
  server: TestServer,
  collectionId: string,
  documents: unknown[],
): Promise<JobUpdate> {
  const result = await server.execute<{ ingestDocuments: { id: string } }>(INGEST, {
    input: { collectionId, documents },
  });
  expect(result.errors).toBeUndefined();
  const client = wsClient(server.url);
  try {
    const updates = await collectSubscription<{ ingestJobUpdates: JobUpdate }>(client, UPDATES, {
      id: result.data!.ingestDocuments.id,
    });
    return updates.at(-1)!.ingestJobUpdates;
  } finally {
    await client.dispose();
  }
}

describe(`ingestion by url (${TEST_DATABASE_MODE})`, () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await stopSite(site.server);
  });

  describe('with loopback allowed (the setting tests use)', () => {
    let setup: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      setup = await setUp({ allowLoopback: true });
    });
    afterAll(async () => {
      await setup.server.stop();
      await setup.database.destroy();
    });

    it('fetches, redacts and indexes a page; refused and failing URLs fail alone', async () => {
      const { server, collectionId, database } = setup;
      const job = await ingest(server, collectionId, [
        { title: 'Travel', url: `${site.base}/travel.html` },
        { title: 'Metadata', url: `${site.base}/to-metadata` },
        { title: 'Gone', url: `${site.base}/gone` },
      ]);
      expect(job).toMatchObject({ status: 'SUCCEEDED', documentsDone: 1, documentsFailed: 2 });
      expect(job.errors.map(({ documentIndex, code }) => ({ documentIndex, code }))).toEqual([
        { documentIndex: 1, code: 'FORBIDDEN_URL' },
        { documentIndex: 2, code: 'URL_UNREACHABLE' },
      ]);
      expect(job.piiRedacted).toContainEqual({ type: 'EMAIL', count: 1 });

      const found = await server.execute<{
        search: { chunk: { text: string; document: { title: string; sourceUri: string } } }[];
      }>(SEARCH, { c: collectionId, q: 'train journeys class' });
      const hit = found.data!.search[0]!;
      expect(hit.chunk.text).toContain('second class');
      expect(hit.chunk.text).not.toContain('travel.desk@example.com');
      // The source URI defaults to the url, redacted like any given one: an IP address is PII.
      expect(hit.chunk.document).toEqual({
        title: 'Travel',
        sourceUri: `http://[IP_ADDRESS_1]:${new URL(site.base).port}/travel.html`,
      });

      const stored = await database.db.pool.query<{ raw: number }>(
        `SELECT count(*)::int AS raw FROM chunks WHERE text LIKE '%travel.desk@%'`,
      );
      expect(stored.rows[0]!.raw).toBe(0);
      // The fetched body was kept as a file only until its document was indexed.
      const files = await database.db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM files',
      );
      expect(files.rows[0]!.n).toBe(0);
    });

    it('re-ingesting the same URL embeds nothing again', async () => {
      const job = await ingest(setup.server, setup.collectionId, [
        { title: 'Travel', url: `${site.base}/travel.html` },
      ]);
      expect(job).toMatchObject({ status: 'SUCCEEDED', documentsDone: 1, chunksEmbedded: 0 });
    });

    it('refuses a url that is not http(s), or given with another body, before accepting', async () => {
      for (const document of [
        { title: 'F', url: 'file:///etc/passwd' },
        { title: 'G', url: 'not a url' },
        { title: 'H', url: `${site.base}/travel.html`, text: 'both' },
      ]) {
        const result = await setup.server.execute(INGEST, {
          input: { collectionId: setup.collectionId, documents: [document] },
        });
        expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('with the default policy', () => {
    let setup: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      setup = await setUp({});
    });
    afterAll(async () => {
      await setup.server.stop();
      await setup.database.destroy();
    });

    it('refuses loopback, link-local and names resolving to them, never connecting', async () => {
      const port = new URL(site.base).port;
      const before = site.hits.length;
      const job = await ingest(setup.server, setup.collectionId, [
        { title: 'A', url: `http://127.0.0.1:${port}/travel.html` },
        { title: 'B', url: `http://[::1]:${port}/travel.html` },
        { title: 'C', url: `http://localhost:${port}/travel.html` },
        { title: 'D', url: 'http://169.254.169.254/latest/meta-data/' },
      ]);
      expect(job.status).toBe('FAILED');
      expect(job.errors.map((e) => e.code)).toEqual([
        'FORBIDDEN_URL',
        'FORBIDDEN_URL',
        'FORBIDDEN_URL',
        'FORBIDDEN_URL',
      ]);
      expect(site.hits.length).toBe(before);
    });
  });
});
