import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../src/db/data-dir-lock.js';
import { DataDirLockedError } from '../../../src/db/embedded-errors.js';
import { waitFor } from '../../support/wait-for.js';

const noCompromise = () => {
  throw new Error('lock compromised');
};

/** Leaves a lock as a process that held the folder and died without releasing it would. */
function leaveLock(dataDir: string, owner: { pid: number; host: string }, ageMs = 0): void {
  const lockDir = path.join(dataDir, 'ballast.lock');
  mkdirSync(lockDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'ballast.lock.json'), JSON.stringify(owner));
  const then = new Date(Date.now() - ageMs);
  utimesSync(lockDir, then, then);
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the embedded data folder lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'ballast-lock-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('creates the folder, holds it, and frees it on release', async () => {
    const lock = await lockDataDir(dataDir, { onCompromised: noCompromise });
    expect(existsSync(path.join(dataDir, 'ballast.lock'))).toBe(true);
    await lock.release();
    await lock.release();
    expect(existsSync(path.join(dataDir, 'ballast.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'ballast.lock.json'))).toBe(false);
    const again = await lockDataDir(dataDir, { onCompromised: noCompromise });
    await again.release();
  });

  it('refuses a folder this process holds already, naming this process', async () => {
    const lock = await lockDataDir(dataDir, { onCompromised: noCompromise });
    try {
      const refused = lockDataDir(dataDir, { onCompromised: noCompromise });
      await expect(refused).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(refused).rejects.toMatchObject({
        code: 'DATA_DIR_LOCKED',
        holderPid: process.pid,
        message: expect.stringContaining(`${dataDir} is in use by process ${process.pid}`),
      });
    } finally {
      await lock.release();
    }
  });

  it('refuses a folder held by another live process on this host', async () => {
    // The parent of this test process is alive and is not this process.
    leaveLock(dataDir, { pid: process.ppid, host: hostname() }, 5_000);
    await expect(
      lockDataDir(dataDir, { staleMs: 60_000, onCompromised: noCompromise }),
    ).rejects.toMatchObject({ holderPid: process.ppid });
  });

  it('takes over at once the lock of a dead process on this host', async () => {
    leaveLock(dataDir, { pid: deadPid(), host: hostname() });
    const lock = await lockDataDir(dataDir, { onCompromised: noCompromise });
    await lock.release();
  });

  it('waits for the lock of a process on another host to go stale', async () => {
    leaveLock(dataDir, { pid: 1, host: 'elsewhere' });
    await expect(
      lockDataDir(dataDir, { staleMs: 10_000, onCompromised: noCompromise }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('process 1 on elsewhere'),
    });
    leaveLock(dataDir, { pid: 1, host: 'elsewhere' }, 11_000);
    const lock = await lockDataDir(dataDir, { staleMs: 10_000, onCompromised: noCompromise });
    await lock.release();
  });

  it('reports a lock taken away while held', async () => {
    const compromised: Error[] = [];
    const lock = await lockDataDir(dataDir, {
      staleMs: 2_000,
      onCompromised: (error) => compromised.push(error),
    });
    rmSync(path.join(dataDir, 'ballast.lock'), { recursive: true });
    await waitFor({
      what: 'the lock reported compromised',
      read: () => compromised.length,
      until: (count) => count === 1,
      timeoutMs: 5_000,
    });
    await lock.release();
  });
});
