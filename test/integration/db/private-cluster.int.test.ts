import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../../support/database.js';
import { createPrivateCluster, type PrivateCluster } from '../../support/private-cluster.js';

/** Runs one statement on a connection of its own. */
async function queryOnce(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** True while `pid` runs; an exited process waiting to be reaped (by PID 1 here) is not. */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat !== null && stat.split(' ')[2] !== 'Z';
}

describe.runIf(TEST_DATABASE_URL)('a private PostgreSQL cluster for outage tests', () => {
  let cluster: PrivateCluster | undefined;
  afterAll(() => cluster?.destroy());

  it('starts, stops, starts again on its port, and leaves nothing once destroyed', async () => {
    cluster = await createPrivateCluster();
    const { url, port, dir } = cluster;
    expect(cluster.running).toBe(true);
    await queryOnce(url, 'CREATE EXTENSION vector');
    expect(
      await queryOnce(url, `SELECT 1 AS one FROM pg_extension WHERE extname = 'vector'`),
    ).toEqual([{ one: 1 }]);

    await cluster.stop();
    expect(cluster.running).toBe(false);
    await expect(queryOnce(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await cluster.stop(); // no-op

    await cluster.start();
    expect(cluster.port).toBe(port);
    expect(await queryOnce(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const postmaster = Number(
      (await readFile(`${dir}/data/postmaster.pid`, 'utf8')).split('\n')[0],
    );
    expect(await alive(postmaster)).toBe(true);
    await cluster.destroy();
    await cluster.destroy(); // no-op
    expect(await alive(postmaster)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    await expect(cluster.start()).rejects.toThrow(/destroyed/);
  });
});
