import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/db/migrate.js';
import { createEmptyPostgresDatabase, TEST_DATABASE_URL } from '../support/database.js';
import { postGraphQL, spawnServer } from '../support/child-server.js';

const CREATE = 'mutation { createCollection(input: { name: "kept" }) { id } }';
const LIST = '{ collections { edges { node { id name } } } }';

describe('the server as `npm start` runs it', () => {
  it('keeps an embedded collection across a Ctrl-C and a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ballast-data-'));
    try {
      const first = await spawnServer({ BALLAST_DATA_DIR: dataDir });
      const created = await postGraphQL<{ createCollection: { id: string } }>(first.url, CREATE);
      const id = created.data!.createCollection.id;
      expect(await first.stop('SIGINT')).toBe(0);
      expect(first.logs.some((l) => l['msg'] === 'stopped')).toBe(true);

      const second = await spawnServer({ BALLAST_DATA_DIR: dataDir });
      try {
        const listed = await postGraphQL<{ collections: { edges: { node: { id: string } }[] } }>(
          second.url,
          LIST,
        );
        expect(listed.data!.collections.edges.map((e) => e.node.id)).toContain(id);
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with an invalid environment, naming the field', async () => {
    await expect(
      spawnServer({ PORT: 'eighty', BALLAST_DATA_DIR: tmpdir() }, 20_000),
    ).rejects.toThrow(/PORT/);
  });

  it.runIf(TEST_DATABASE_URL)(
    'starts two servers at the same instant on an empty PostgreSQL, migrating once',
    async () => {
      const empty = await createEmptyPostgresDatabase();
      try {
        const servers = await Promise.all([
          spawnServer({ DATABASE_URL: empty.url }),
          spawnServer({ DATABASE_URL: empty.url }),
        ]);
        const health = await Promise.all(
          servers.map((s) =>
            postGraphQL<{ health: { databaseMode: string } }>(s.url, '{ health { databaseMode } }'),
          ),
        );
        expect(health.map((h) => h.data?.health.databaseMode)).toEqual(['POSTGRES', 'POSTGRES']);
        const client = new pg.Client({ connectionString: empty.url });
        await client.connect();
        const rows = await client.query('SELECT version FROM ballast_migrations ORDER BY version');
        await client.end();
        expect(rows.rowCount).toBe((await readMigrations()).length);
        const applied = servers.flatMap((s) =>
          s.logs.filter((l) => l['msg'] === 'migration applied'),
        );
        expect(applied).toHaveLength((await readMigrations()).length);
        await Promise.all(servers.map((s) => s.stop('SIGTERM')));
      } finally {
        await empty.drop();
      }
    },
  );
});
