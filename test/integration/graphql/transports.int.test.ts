import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const QUERY = '{ health { status } }';
const persisted = {
  persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(QUERY).digest('hex') },
};

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe(`HTTP and WebSocket transports (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;

  const post = async (body: Record<string, unknown>): Promise<Answer> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('over HTTP: an unknown hash asks for the query once, then the hash alone runs it', async () => {
    const unknown = await post({ extensions: persisted });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post({ query: QUERY, extensions: persisted });
    expect(registered.body).toEqual({ data: { health: { status: 'OK' } } });

    const byHash = await post({ extensions: persisted });
    expect(byHash.body).toEqual({ data: { health: { status: 'OK' } } });

    // GET carries the hash in the URL (a CDN can cache it); the CSRF rule asks for a header.
    const get = await fetch(
      `${server.url}?extensions=${encodeURIComponent(JSON.stringify(persisted))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(await get.json()).toEqual({ data: { health: { status: 'OK' } } });
  });

  it('over graphql-ws: a subscribe message without its query is refused (the protocol needs it)', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const [ack] = (await once(socket, 'message')) as [Buffer];
    expect(JSON.parse(ack.toString())).toEqual({ type: 'connection_ack' });
    const closed = once(socket, 'close') as Promise<[number, Buffer]>;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { extensions: persisted } }));
    const [code, reason] = await closed;
    expect(code).toBe(4400);
    expect(reason.toString()).toBe('Invalid message received');
  });

  it('refuses a subscription over HTTP with 400 BAD_REQUEST naming WebSocket, whatever it accepts', async () => {
    for (const accept of [
      'application/json',
      'multipart/mixed;subscriptionSpec="1.0", application/json',
    ]) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: 'subscription { ingestJobUpdates(id: "job_x") { id } }' }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        data?: unknown;
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({
        message: expect.stringContaining('WebSocket'),
        extensions: { code: 'BAD_REQUEST' },
      });
    }
  });
});
