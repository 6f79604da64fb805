import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

describe(`a subscription sent over HTTP (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('is refused with BAD_REQUEST and HTTP 400 saying to use WebSocket, whatever it accepts', async () => {
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
