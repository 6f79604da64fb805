import { createClient } from 'graphql-ws';
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
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

const JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const PROBE = '{ health { status } }';

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

  it('closes a WebSocket without credentials and caps a subscription flood from one connection', async () => {
    const url = server.url.replace(/^http/, 'ws');
    const anonymous = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((r) => anonymous.once('open', r));
    anonymous.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const code = await new Promise<number>((r) => anonymous.once('close', (c) => r(c)));
    expect(code).toBe(4403);

    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { apiKey: ws.keys.reader },
    });
    try {
      const outcomes = await Promise.all(
        Array.from(
          { length: 130 },
          (_, i) =>
            new Promise<string>((resolve) => {
              const unsubscribe = client.subscribe(
                {
                  query: 'subscription ($id: ID!) { runEvents(runId: $id) { seq } }',
                  variables: { id: `run_${String(i).padStart(32, '0')}` },
                },
                {
                  next: () => undefined,
                  error: (e) => resolve(JSON.stringify(e)),
                  complete: () => resolve('complete'),
                },
              );
              setTimeout(() => {
                unsubscribe();
                resolve('open');
              }, 3000);
            }),
        ),
      );
      expect(
        outcomes.every(
          (o) =>
            o.includes('NOT_FOUND') ||
            o.includes('RATE_LIMITED') ||
            o === 'open' ||
            o === 'complete',
        ),
      ).toBe(true);
    } finally {
      await client.dispose();
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
