import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_MAX_PAYLOAD_BYTES } from '../../src/server/websocket.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { postGraphQL } from '../support/child-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe(`HTTP and WebSocket on /graphql (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let wsUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    wsUrl = server.url.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('serves the Apollo Sandbox landing page to a browser', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<!DOCTYPE html>/i);
    expect(html).toMatch(/sandbox/i);
  });

  it('answers a query over HTTP', async () => {
    const result = await postGraphQL<{ health: { status: string; databaseMode: string } }>(
      server.url,
      '{ health { status databaseMode schemaVersion } }',
    );
    expect(result.data?.health).toMatchObject({ status: 'OK', databaseMode: TEST_DATABASE_MODE });
  });

  it('blocks a CSRF-shaped GET without a preflight header', async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ health { status } }')}`,
    );
    expect(response.status).toBe(400);
  });

  it('completes the graphql-ws handshake and runs an operation over the socket', async () => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: '{ health { status } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toEqual({ data: { health: { status: 'OK' } } });
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['an unknown subscription', 'subscription { noSuchEvent }', 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown field', '{ noSuchField }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a syntax error', 'subscription {', 'GRAPHQL_PARSE_FAILED'],
  ])('reports %s over the socket with its code', async (_case, query, code) => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (v) => resolve({ next: v }),
            error: resolve,
            complete: () => resolve('completed'),
          },
        );
      });
      expect(outcome, JSON.stringify(outcome)).toBeInstanceOf(Array);
      expect((outcome as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe(code);
    } finally {
      await client.dispose();
    }
  });

  it('closes a socket that sends a frame over the payload limit', async () => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(WS_MAX_PAYLOAD_BYTES + 1));
    expect(await closed).toBe(1009);

    const probe = await postGraphQL(server.url, '{ health { status } }');
    expect(probe.data).toEqual({ health: { status: 'OK' } });
  });
});
