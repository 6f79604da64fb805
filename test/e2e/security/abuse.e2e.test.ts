import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { revokeApiKey, createApiKey } from '../../../src/auth/api-keys.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

const JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const PROBE = '{ health { status } }';
/** The server's cap on one connection's open operations (`WS_MAX_OPERATIONS_PER_CONNECTION`). */
const OPERATIONS_PER_CONNECTION = 100;

/** What became of one subscription: answered (open), refused, completed, or nothing yet. */
type Outcome = { state: 'pending' | 'open' | 'refused' | 'complete'; error?: unknown };

describe(`abuse is refused and the server keeps serving (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let ws: TestWorkspace;
  const probe = async () => {
    const result = await postAs(server.url, ws.keys.reader, PROBE);
    expect(result.body.data).toEqual({ health: { status: 'OK' } });
  };
  const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      authMode: 'required',
      jwtSecret: JWT_SECRET,
      production: true,
      allowedOrigins: ['https://app.example.com'],
      // No worker: an ingest job stays queued, so a subscription to it stays open.
      worker: false,
    });
    ws = await createWorkspaceWithKeys(database.db.pool, 'abuse');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('refuses a caller without credentials, and a reader trying to write', async () => {
    const anonymous = await postAs(server.url, null, PROBE);
    expect(anonymous.status).toBe(401);
    expect(codeOf(anonymous.body)).toBe('UNAUTHENTICATED');
    const reader = await postAs(
      server.url,
      ws.keys.reader,
      'mutation { createCollection(input: { name: "x" }) { id } }',
    );
    expect(codeOf(reader.body)).toBe('FORBIDDEN');
    await probe();
  });

  it('accepts a valid JWT and refuses invalid, expired and foreign-signed ones', async () => {
    const sign = (claims: Record<string, unknown>, secret = JWT_SECRET, expires = '5m') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(new TextEncoder().encode(secret));
    const good = await sign({ ballast_workspace: ws.id, ballast_role: 'reader' });
    expect((await postAs(server.url, good, PROBE)).body.data).toEqual({ health: { status: 'OK' } });
    const expired = await sign({ ballast_workspace: ws.id }, JWT_SECRET, '-1m');
    const forged = await sign(
      { ballast_workspace: ws.id },
      'another-secret-that-is-long-enough-to-sign',
    );
    for (const token of [expired, forged, 'not.a.jwt']) {
      const result = await postAs(server.url, token, PROBE);
      expect(result.status).toBe(401);
      expect(codeOf(result.body)).toBe('UNAUTHENTICATED');
    }
    await probe();
  });

  it('refuses a revoked key at once', async () => {
    const { key, secret } = await createApiKey(database.db.pool, {
      workspaceId: ws.id,
      role: 'reader',
      name: 'short-lived',
    });
    expect((await postAs(server.url, secret, PROBE)).status).toBe(200);
    await revokeApiKey(database.db.pool, key.id);
    const after = await postAs(server.url, secret, PROBE);
    expect(after.status).toBe(401);
    await probe();
  });

  it('rejects depth and alias bombs', async () => {
    const deep = `{ collections { edges { node { documents { edges { node { chunks { edges { node { document { collection { documents { edges { node { id } } } } } } } } } } } } } } }`;
    expect(codeOf((await postAs(server.url, ws.keys.reader, deep)).body)).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    expect(codeOf((await postAs(server.url, ws.keys.reader, aliases)).body)).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    // A cost bomb under the depth and alias limits: refused by validation, worded as such
    // (graphql-armor says "Syntax Error: …" for every limit), with HTTP 400.
    const costly = `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: collections(first: 100) { edges { node { documents(first: 100) { edges { node { id title } } } } } }`).join(' ')} }`;
    const refused = await postAs(server.url, ws.keys.reader, costly);
    expect(codeOf(refused.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.body.errors?.[0]?.message).toMatch(/^Query Cost limit/);
    expect(refused.status).toBe(400);
    for (const query of [deep, aliases, costly]) {
      const result = await postAs(server.url, ws.keys.reader, query);
      expect(result.body.errors?.map((e) => e.message).join(' ')).not.toMatch(/Syntax Error/);
    }
    const tokens = `{ ${'health { status } '.repeat(2000)} }`;
    expect(codeOf((await postAs(server.url, ws.keys.reader, tokens)).body)).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
    await probe();
  });

  it('rejects huge variables before parsing them', async () => {
    const huge = await postAs(server.url, ws.keys.reader, PROBE, {
      blob: 'x'.repeat(25 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    await probe();
  });

  it('hides field suggestions', async () => {
    const result = await postAs(server.url, ws.keys.reader, '{ healt { status } }');
    expect(result.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses browsers from origins not on the allow-list', async () => {
    const foreign = await postAs(
      server.url,
      ws.keys.reader,
      PROBE,
      {},
      { origin: 'https://evil.example.com' },
    );
    expect(foreign.status).toBe(403);
    const allowed = await postAs(
      server.url,
      ws.keys.reader,
      PROBE,
      {},
      { origin: 'https://app.example.com' },
    );
    expect(allowed.status).toBe(200);
  });

  it('answers CORS preflights for listed origins only', async () => {
    const preflight = (origin: string, url = server.url) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const foreign = await preflight('https://evil.example.com');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const files = await preflight('https://app.example.com', new URL('/files', server.url).href);
    expect(files.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('closes a WebSocket without credentials and caps a subscription flood from one connection', async () => {
    const url = server.url.replace(/^http/, 'ws');
    const anonymous = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((r) => anonymous.once('open', r));
    anonymous.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const code = await new Promise<number>((r) => anonymous.once('close', (c) => r(c)));
    expect(code).toBe(4403);

    // Subscriptions that stay open: to an ingest job no worker takes (this server runs none),
    // each answered at once with the job as it is, then kept open until the job ends.
    const collection = await postAs(
      server.url,
      ws.keys.writer,
      'mutation { createCollection(input: { name: "flood" }) { id } }',
    );
    const collectionId = (collection.body.data!['createCollection'] as { id: string }).id;
    const job = await postAs(
      server.url,
      ws.keys.writer,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId, documents: [{ title: 'waiting', text: 'Never ingested.' }] } },
    );
    const jobId = (job.body.data!['ingestDocuments'] as { id: string }).id;
    const connect = () =>
      createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { apiKey: ws.keys.reader },
      });
    const subscribe = (client: Client): Outcome => {
      const outcome: Outcome = { state: 'pending' };
      client.subscribe(
        {
          query: 'subscription ($id: ID!) { ingestJobUpdates(id: $id) { status } }',
          variables: { id: jobId },
        },
        {
          next: () => {
            if (outcome.state === 'pending') outcome.state = 'open';
          },
          error: (error) => Object.assign(outcome, { state: 'refused', error }),
          complete: () => (outcome.state = 'complete'),
        },
      );
      return outcome;
    };
    const tally = (outcomes: readonly Outcome[]) => {
      const counts: Record<string, number> = {};
      for (const { state } of outcomes) counts[state] = (counts[state] ?? 0) + 1;
      return counts;
    };

    const flooding = connect();
    const other = connect();
    try {
      // More than the cap, all at once: the cap counts operations still being started too.
      const burst = Array.from({ length: OPERATIONS_PER_CONNECTION + 5 }, () =>
        subscribe(flooding),
      );
      await waitFor({
        what: `the ${OPERATIONS_PER_CONNECTION + 5} subscriptions of one connection answered`,
        read: () => tally(burst),
        until: (counts) => counts['pending'] === undefined,
        timeoutMs: 30_000,
      });
      expect(tally(burst)).toEqual({ open: OPERATIONS_PER_CONNECTION, refused: 5 });
      const allowed = burst.filter((o) => o.state === 'open');
      // Beyond the cap: each refused alone, while the connection's others stay open.
      const beyond = Array.from({ length: 5 }, () => subscribe(flooding));
      const settled = await waitFor({
        what: 'the subscriptions beyond the cap answered',
        read: () => beyond.map((o) => ({ ...o })),
        until: (outcomes) => outcomes.every((o) => o.state !== 'pending'),
        timeoutMs: 10_000,
      });
      expect(settled).toEqual(
        beyond.map(() => ({
          state: 'refused',
          error: [
            expect.objectContaining({
              message: `at most ${OPERATIONS_PER_CONNECTION} operations per connection`,
              extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
            }),
          ],
        })),
      );
      expect(tally(allowed)).toEqual({ open: OPERATIONS_PER_CONNECTION });
      // The cap is per connection: the same caller subscribes on another one.
      const elsewhere = subscribe(other);
      await waitFor({
        what: 'a subscription open on a second connection',
        read: () => elsewhere.state,
        until: (state) => state === 'open',
        failWhen: (state) => state !== 'pending',
        timeoutMs: 10_000,
      });
    } finally {
      await flooding.dispose();
      await other.dispose();
    }
    await probe();
  });

  it('refuses an oversized WebSocket frame and keeps serving', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    const closed = new Promise<number>((r) => socket.once('close', (c) => r(c)));
    socket.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    await probe();
  });
});
