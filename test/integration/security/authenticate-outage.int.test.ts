import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/auth/api-keys.js';
import { createAuthenticator, type Authenticator } from '../../../src/auth/authenticate.js';
import { isDatabaseUnavailable } from '../../../src/db/connection-errors.js';
import { migrate } from '../../../src/db/migrate.js';
import { TEST_DATABASE_URL } from '../../support/database.js';
import { createPrivateCluster, type PrivateCluster } from '../../support/private-cluster.js';

// Credentials are checked against the database on every request. While it is away, a key
// verified shortly before keeps its principal (so `health` and other reads keep answering for
// known callers); a key never seen fails with the database's error (DATABASE_UNAVAILABLE).
describe.runIf(TEST_DATABASE_URL)('authentication without its database', () => {
  let cluster: PrivateCluster;
  let pool: pg.Pool;
  let authenticate: Authenticator;
  let known: string;
  let unknown: string;

  beforeAll(async () => {
    cluster = await createPrivateCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    pool.on('error', () => undefined);
    await migrate(pool);
    const workspace = await pool.query<{ id: string }>(
      `INSERT INTO workspaces (name) VALUES ('outage') RETURNING id`,
    );
    const workspaceId = workspace.rows[0]!.id;
    known = (await createApiKey(pool, { workspaceId, role: 'reader', name: 'known' })).secret;
    unknown = (await createApiKey(pool, { workspaceId, role: 'reader', name: 'unknown' })).secret;
    authenticate = createAuthenticator({ pool, mode: 'required' });
  });
  afterAll(async () => {
    await pool?.end();
    await cluster?.destroy();
  });

  it('keeps the principal of a key verified before the outage, and only that', async () => {
    const before = await authenticate({ apiKey: known });
    await cluster.stop('fast');
    try {
      expect(await authenticate({ apiKey: known })).toEqual(before);
      const failure = await authenticate({ apiKey: unknown }).catch((error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      await expect(authenticate({ apiKey: 'blst_not-a-key' })).rejects.toSatisfy(
        isDatabaseUnavailable,
      );
    } finally {
      await cluster.start();
    }
    await expect(authenticate({ apiKey: 'blst_not-a-key' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
