import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApiKey, revokeApiKey } from '../../../src/auth/api-keys.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { createWorkspaceWithKeys, type TestWorkspace } from './two-workspaces.js';

const JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const RECHECK_MS = 300;

/** A graphql-ws client and a promise of the close code of its socket. */
function openSocket(url: string, connectionParams: Record<string, string>) {
  let closed: (code: number) => void = () => undefined;
  const closeCode = new Promise<number>((resolve) => (closed = resolve));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // The close is what the tests wait for; the client would print it as an error.
    onNonLazyError: () => undefined,
    on: { closed: (event) => closed((event as { code: number }).code) },
  });
  return { client, closeCode };
}

/** Runs one operation over `client`; resolves with its result or the error codes. */
function run(client: Client, query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
    let result: unknown;
    client.subscribe(
      { query },
      {
        next: (value) => (result = value),
        error: (error) => {
          clearTimeout(timer);
          resolve({ error: Array.isArray(error) ? error : String(error) });
        },
        complete: () => {
          clearTimeout(timer);
          resolve(result);
        },
      },
    );
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
    ),
  ]);
}

// Credentials are checked at connect and again while the socket is open: revoking a key or a
// JWT's expiry closes the socket with 4403 within seconds, and nothing runs after it.
describe(`revoked and expired credentials reach open sockets (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      authMode: 'required',
      jwtSecret: JWT_SECRET,
      credentialsRecheckMs: RECHECK_MS,
    });
    workspace = await createWorkspaceWithKeys(database.db.pool, 'sockets');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  const collectionsNamed = async (name: string) =>
    Number(
      (
        await database.db.pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM collections WHERE name = $1',
          [name],
        )
      ).rows[0]!.n,
    );

  it('closes a socket whose key is revoked with 4403, and runs nothing after it', async () => {
    const { key, secret } = await createApiKey(database.db.pool, {
      workspaceId: workspace.id,
      role: 'writer',
      name: 'to-revoke',
    });
    const { client, closeCode } = openSocket(server.url, { apiKey: secret });
    try {
      const before = await run(
        client,
        'mutation { createCollection(input: { name: "before-revoke" }) { id } }',
      );
      expect(before).toMatchObject({ data: { createCollection: { id: expect.any(String) } } });
      await revokeApiKey(database.db.pool, key.id);
      await new Promise((r) => setTimeout(r, RECHECK_MS + 50));
      // The socket may already be closed by the sweep; either way nothing may be created.
      await within(
        run(client, 'mutation { createCollection(input: { name: "after-revoke" }) { id } }'),
        10_000,
        'operation after revocation',
      ).catch(() => undefined);
      expect(await within(closeCode, 10_000, 'socket close')).toBe(4403);
      expect(await collectionsNamed('after-revoke')).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it('closes an idle socket whose JWT expires with 4403', async () => {
    const token = await new SignJWT({ ballast_workspace: workspace.id, ballast_role: 'reader' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('short-lived')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const { client, closeCode } = openSocket(server.url, { authorization: `Bearer ${token}` });
    try {
      expect(await run(client, '{ health { status } }')).toMatchObject({
        data: { health: { status: 'OK' } },
      });
      expect(await within(closeCode, 10_000, 'socket close after expiry')).toBe(4403);
    } finally {
      await client.dispose();
    }
  });

  it('keeps a socket with good credentials open', async () => {
    const { client, closeCode } = openSocket(server.url, { apiKey: workspace.keys.reader });
    try {
      await new Promise((r) => setTimeout(r, RECHECK_MS * 4));
      expect(await run(client, '{ health { status } }')).toMatchObject({
        data: { health: { status: 'OK' } },
      });
      const stillOpen = await Promise.race([
        closeCode.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 50)),
      ]);
      expect(stillOpen).toBe(true);
    } finally {
      await client.dispose();
    }
  });
});
