import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../src/db/embedded.js';
import { silentLogger } from '../../src/logger.js';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFUSED_WITHIN_MS = 5_000;
const LIST = '{ collections { edges { node { id name } } } }';
type Listed = { collections: { edges: { node: { id: string; name: string } }[] } };

/** Runs `node --import tsx <script> ...args` to its exit; kills it after `timeoutMs`. */
async function runToExit(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number | null; lines: string[]; elapsedMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  const lines = output.split('\n').filter((line) => line.trim().length > 0);
  return { code, lines, elapsedMs: performance.now() - started };
}

// One process per data folder: a second server, or `npm run keys`, on a folder a server holds
// is turned away at once with one line naming the folder and the holder, and the holder keeps
// serving its data. A holder killed outright leaves its lock behind; the next server takes it.
describe('one process per embedded data folder', () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  let first: ChildServer;
  let collectionId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-lock-'));
    dataDir = path.join(dir, 'data');
    env = { BALLAST_DATA_DIR: dataDir };
    first = await spawnServer(env);
    const created = await postGraphQL<{ createCollection: { id: string } }>(
      first.url,
      'mutation { createCollection(input: { name: "kept" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
  });
  afterAll(async () => {
    await first?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns a second server away with one line naming the folder and the holder', async () => {
    const second = await runToExit('src/main.ts', [], env, 30_000);
    const holder = `process ${first.process.pid}`;
    expect(second.code, second.lines.join('\n')).not.toBe(0);
    expect(second.elapsedMs, second.lines.join('\n')).toBeLessThan(REFUSED_WITHIN_MS);
    expect(second.lines, second.lines.join('\n')).toHaveLength(1);
    expect(second.lines[0]).toContain(dataDir);
    expect(second.lines[0]).toContain(holder);

    const health = await postGraphQL<{ health: { status: string } }>(
      first.url,
      '{ health { status } }',
    );
    expect(health.data?.health.status).toBe('OK');
    const listed = await postGraphQL<Listed>(first.url, LIST);
    expect(listed.data!.collections.edges.map((e) => e.node.id)).toContain(collectionId);
  });

  it('turns `npm run keys` away while the server runs, and serves it once the server stopped', async () => {
    const refused = await runToExit('src/cli/keys.ts', ['list'], env, 30_000);
    expect(refused.code, refused.lines.join('\n')).toBe(1);
    expect(refused.elapsedMs, refused.lines.join('\n')).toBeLessThan(REFUSED_WITHIN_MS);
    expect(refused.lines, refused.lines.join('\n')).toEqual([
      expect.stringContaining(`${dataDir} is in use by process ${first.process.pid}`),
    ]);

    expect(await first.stop('SIGTERM')).toBe(0);
    const served = await runToExit('src/cli/keys.ts', ['list'], env, 60_000);
    expect(served.code, served.lines.join('\n')).toBe(0);
  });

  it('recovers the lock of a server killed outright, with its data intact', async () => {
    first = await spawnServer(env);
    await first.stop('SIGKILL');
    first = await spawnServer(env, 30_000);
    const listed = await postGraphQL<Listed>(first.url, LIST);
    expect(listed.data!.collections.edges.map((e) => e.node)).toEqual([
      { id: collectionId, name: 'kept' },
    ]);
  });
});

// PGlite aborting (here on a folder that lost its control file) ends the server with one JSON
// line that names the folder and PostgreSQL's reason: no WebAssembly code on the terminal.
describe('an embedded database that cannot start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-damaged-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the server with one JSON line', async () => {
    const dataDir = path.join(dir, 'data');
    const db = await openEmbeddedDatabase({ dataDir, logger: silentLogger });
    await db.close();
    rmSync(path.join(dataDir, 'global', 'pg_control'));

    const server = await runToExit('src/main.ts', [], { BALLAST_DATA_DIR: dataDir }, 60_000);
    const output = server.lines.join('\n');
    expect(server.code, output).toBe(1);
    expect(server.lines, output).toHaveLength(1);
    expect(JSON.parse(server.lines[0]!)).toMatchObject({
      level: 60,
      code: 'EMBEDDED_DATABASE_FAILED',
      msg: expect.stringMatching(
        new RegExp(`^The embedded database in ${dataDir} could not start: .*global/pg_control`),
      ),
    });
    expect(output.length).toBeLessThan(3_000);
  });
});
