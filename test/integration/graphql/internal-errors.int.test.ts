import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

// An unexpected failure (here: the database pool is gone) must reach the client masked.
describe(`unexpected errors (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let production: TestServer;
  let development: TestServer;
  const logged: unknown[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { createLogger } = await import('../../../src/logger.js');
    const logger = createLogger({
      level: 'error',
      destination: { write: (line: string) => void logged.push(JSON.parse(line)) },
    });
    production = await startTestServer({ db: database.db, production: true, logger });
    development = await startTestServer({ db: database.db });
    await database.db.pool.end();
  });
  afterAll(async () => {
    await production.stop();
    await development.stop();
    await database.destroy();
  });

  it('masks the error as INTERNAL_SERVER_ERROR with no stack trace in production', async () => {
    const result = await production.execute('{ collections { edges { cursor } } }');
    const error = result.errors?.[0];
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error?.message).toBe('Internal server error');
    expect(JSON.stringify(result)).not.toMatch(/pool|stack|\.ts:/i);
  });

  it('logs the original error server-side', () => {
    expect(JSON.stringify(logged)).toMatch(/pool/i);
  });

  it('keeps the stack trace in development only', async () => {
    const result = await development.execute('{ collections { edges { cursor } } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.extensions?.['stacktrace']).toBeDefined();
  });

  it('still answers health, as DEGRADED', async () => {
    const result = await production.execute<{ health: { status: string } }>(
      '{ health { status databaseMode } }',
    );
    expect(result.data?.health.status).toBe('DEGRADED');
  });
});
