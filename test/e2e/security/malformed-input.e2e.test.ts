import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

const JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const BAD_STRINGS = {
  nul: 'a\u0000b',
  'lone high surrogate': 'a\uD83Db',
  'lone low surrogate': '\uDE00',
};

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { n: value };
  return value;
}

/** One operation and the variables that carry a bad value at one place. */
interface Case {
  name: string;
  query: string;
  variables: (bad: string) => Record<string, unknown>;
}

// Every string a client can send to a field that reaches the database, each in turn carrying
// a value no PostgreSQL text can hold. The server must refuse each with BAD_USER_INPUT naming
// where, never an INTERNAL_SERVER_ERROR, and keep serving.
describe(`malformed input is refused at the edge, never a 500 (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let workspace: TestWorkspace;
  let collectionId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      authMode: 'required',
      jwtSecret: JWT_SECRET,
    });
    workspace = await createWorkspaceWithKeys(database.db.pool, 'malformed');
    const created = await postAs(
      server.url,
      workspace.keys.writer,
      'mutation { createCollection(input: { name: "target" }) { id } }',
    );
    collectionId = (created.body.data!['createCollection'] as { id: string }).id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  const INGEST =
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }';
  const doc = (patch: Record<string, unknown>) => ({
    input: { collectionId, documents: [{ title: 'ok', text: 'fine text', ...patch }] },
  });
  const cases: Case[] = [
    {
      name: 'collection name',
      query: 'mutation ($name: String!) { createCollection(input: { name: $name }) { id } }',
      variables: (bad) => ({ name: bad }),
    },
    {
      name: 'collection description',
      query:
        'mutation ($d: String) { createCollection(input: { name: "described", description: $d }) { id } }',
      variables: (bad) => ({ d: bad }),
    },
    { name: 'document title', query: INGEST, variables: (bad) => doc({ title: bad }) },
    { name: 'document text', query: INGEST, variables: (bad) => doc({ text: bad }) },
    { name: 'document sourceUri', query: INGEST, variables: (bad) => doc({ sourceUri: bad }) },
    { name: 'metadata value', query: INGEST, variables: (bad) => doc({ metadata: { k: bad } }) },
    { name: 'metadata key', query: INGEST, variables: (bad) => doc({ metadata: { [bad]: 'v' } }) },
    {
      name: 'question',
      query:
        'mutation ($c: ID!, $q: String!) { ask(input: { collectionId: $c, question: $q }) { id } }',
      variables: (bad) => ({ c: collectionId, q: bad }),
    },
    {
      name: 'search query',
      query: 'query ($c: ID!, $q: String!) { search(collectionId: $c, query: $q) { score } }',
      variables: (bad) => ({ c: collectionId, q: bad }),
    },
    {
      name: 'search filter',
      query:
        'query ($c: ID!, $f: JSON) { search(collectionId: $c, query: "x", filter: $f) { score } }',
      variables: (bad) => ({ c: collectionId, f: { tag: bad } }),
    },
  ];

  for (const testCase of cases) {
    for (const [kind, bad] of Object.entries(BAD_STRINGS)) {
      it(`${testCase.name} with ${kind}: BAD_USER_INPUT over HTTP`, async () => {
        const result = await postAs(
          server.url,
          workspace.keys.writer,
          testCase.query,
          testCase.variables(bad),
        );
        expect(result.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
        expect(result.status).toBe(400);
        expect(result.body.errors?.[0]?.message).toMatch(/NUL|surrogate/);
      });
    }
  }

  it('a string literal with NUL in the document is refused too', async () => {
    const result = await postAs(
      server.url,
      workspace.keys.writer,
      'mutation { createCollection(input: { name: "a\\u0000b" }) { id } }',
    );
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('variables nested 10,000 deep are refused, not a stack overflow', async () => {
    // Written out by hand: JSON.stringify itself overflows the stack at this depth.
    const deep = `${'{"n":'.repeat(10_000)}"leaf"${'}'.repeat(10_000)}`;
    const bodies = [
      `{"query":${JSON.stringify(INGEST)},"variables":{"input":{"collectionId":"${collectionId}","documents":[{"title":"ok","text":"fine","metadata":${deep}}]}}}`,
      `{"query":${JSON.stringify(cases.at(-1)!.query)},"variables":{"c":"${collectionId}","f":${deep}}}`,
    ];
    for (const body of bodies) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${workspace.keys.writer}`,
        },
        body,
      });
      const result = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.status).toBe(400);
    }
  });

  it('refuses the same over graphql-ws, and the socket lives on', async () => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { apiKey: workspace.keys.writer },
      retryAttempts: 0,
    });
    const once = (query: string, variables: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
        const codes: unknown[] = [];
        client.subscribe(
          { query, variables },
          {
            next: (value) => codes.push(...(value.errors ?? []).map((e) => e.extensions?.['code'])),
            error: (error) => {
              clearTimeout(timer);
              const list = Array.isArray(error) ? error : [{ extensions: { code: String(error) } }];
              resolve(
                list.map((e: { extensions?: Record<string, unknown> }) => e.extensions?.['code']),
              );
            },
            complete: () => {
              clearTimeout(timer);
              resolve(codes);
            },
          },
        );
      });
    try {
      for (const testCase of cases) {
        expect(
          await once(testCase.query, testCase.variables(BAD_STRINGS.nul)),
          testCase.name,
        ).toEqual(['BAD_USER_INPUT']);
      }
      expect(await once(INGEST, doc({ metadata: nested(1_000) }))).toEqual(['BAD_USER_INPUT']);
      expect(await once('{ health { status } }', {})).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('a JWT naming a workspace that does not exist authenticates nobody', async () => {
    const token = await new SignJWT({
      ballast_workspace: '00000000-0000-4000-8000-0000000000ff',
      ballast_role: 'writer',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ghost')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const result = await postAs(
      server.url,
      token,
      'mutation { createCollection(input: { name: "ghost" }) { id } }',
    );
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('still serves, and nothing malformed was stored', async () => {
    const health = await postAs(server.url, workspace.keys.reader, '{ health { status } }');
    expect(health.body.data).toEqual({ health: { status: 'OK' } });
    const stored = await database.db.pool.query(
      `SELECT count(*)::int AS n FROM collections WHERE name LIKE '%b' OR name = 'ghost'`,
    );
    expect(stored.rows[0].n).toBe(0);
  });
});
