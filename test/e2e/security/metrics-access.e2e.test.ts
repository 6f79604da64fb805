// `/metrics` is open only where authentication is off (a loopback address); with
// authentication required it needs BALLAST_METRICS_TOKEN as a bearer token, and without one it
// is closed. This process runs without the OpenTelemetry SDK, so a request the guard lets
// through is answered 503 by the metrics route itself: 401 means the guard refused it.
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const TOKEN = 'scrape-token-0123456789abcdef';

describe(`/metrics access (${TEST_DATABASE_MODE})`, () => {
  const started: { database: TestDatabase; server: TestServer }[] = [];
  afterAll(async () => {
    for (const { database, server } of started) {
      await server.stop();
      await database.destroy();
    }
  });

  async function serverWith(options: { authMode: 'open' | 'required'; metricsToken?: string }) {
    const database = await createTestDatabase();
    const server = await startTestServer({ db: database.db, ...options });
    started.push({ database, server });
    return (authorization?: string) =>
      fetch(new URL('/metrics', server.url), {
        headers: authorization ? { authorization } : {},
      });
  }

  it('is open without a token when authentication is off', async () => {
    const scrape = await serverWith({ authMode: 'open' });
    expect((await scrape()).status).toBe(503);
  });

  it('is closed without a token when authentication is required', async () => {
    const scrape = await serverWith({ authMode: 'required' });
    const refused = await scrape(`Bearer ${TOKEN}`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('BALLAST_METRICS_TOKEN');
  });

  it('needs the bearer token when one is set, whatever the auth mode', async () => {
    for (const authMode of ['open', 'required'] as const) {
      const scrape = await serverWith({ authMode, metricsToken: TOKEN });
      const anonymous = await scrape();
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
      expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(503);
      expect((await scrape(`bearer  ${TOKEN}`)).status).toBe(503);
    }
  });
});
