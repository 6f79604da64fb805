import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { DataDirLockedError } from './embedded-errors.js';

/** The lock itself: a directory, made by `mkdir`, which is atomic (proper-lockfile). */
const LOCK_NAME = 'ballast.lock';
/** Who holds the lock, for the message of the process turned away and for dead-holder recovery. */
const OWNER_NAME = 'ballast.lock.json';

const Owner = z.object({ pid: z.number().int().positive(), host: z.string() });
type Owner = z.infer<typeof Owner>;

// Locks this process holds: a second open of the same folder in-process is refused too, and
// an owner file naming this pid is then not mistaken for a reused pid of a dead holder.
const held = new Set<string>();

/** Options of {@link lockDataDir}. */
export interface DataDirLockOptions {
  /**
   * A lock whose holder stopped refreshing it this long ago is taken over: the holder is on
   * another host (a shared volume) or left no owner record. A holder on this host is checked
   * by pid instead, so a crashed server's folder is reopened at once. Default: 30 000 ms.
   */
  staleMs?: number;
  /** Called once if the lock is lost while held (its refresh failed or another took it over). */
  onCompromised: (error: Error) => void;
}

/** A held data folder lock. */
export interface DataDirLock {
  /** Releases the lock; safe to call twice. */
  release(): Promise<void>;
}

/**
 * Takes the exclusive lock of an embedded data folder (created when missing), so that one
 * process at a time opens its database: two PGlite instances on one folder corrupt it.
 * A lock left by a dead process on this host is recovered at once; one from another host
 * once it is `staleMs` old. Released on `release()` and, by proper-lockfile, at process exit.
 * @throws DataDirLockedError when another live process holds the folder.
 */
export async function lockDataDir(
  dataDir: string,
  options: DataDirLockOptions,
): Promise<DataDirLock> {
  const folder = path.resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const lockfilePath = path.join(folder, LOCK_NAME);
  const ownerPath = path.join(folder, OWNER_NAME);
  if (held.has(lockfilePath)) throw new DataDirLockedError(folder, process.pid, hostname());
  const take = () =>
    lockfile.lock(folder, {
      lockfilePath,
      realpath: false,
      stale: options.staleMs ?? 30_000,
      onCompromised: (error) => {
        held.delete(lockfilePath);
        options.onCompromised(error);
      },
    });

  let unlock: () => Promise<void>;
  try {
    unlock = await take();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerPath);
    if (!owner || isAlive(owner)) throw new DataDirLockedError(folder, owner?.pid, owner?.host);
    await rmdir(lockfilePath).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    try {
      unlock = await take();
    } catch (retryError) {
      // Another process recovering the same dead holder's lock got there first.
      if ((retryError as { code?: string }).code !== 'ELOCKED') throw retryError;
      const winner = await readOwner(ownerPath);
      throw new DataDirLockedError(folder, winner?.pid, winner?.host);
    }
  }
  held.add(lockfilePath);
  await writeFile(ownerPath, JSON.stringify({ pid: process.pid, host: hostname() }));
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      held.delete(lockfilePath);
      await rm(ownerPath, { force: true });
      await unlock().catch((error: { code?: string }) => {
        // Compromised locks are released already.
        if (error.code !== 'ERELEASED') throw error;
      });
    },
  };
}

async function readOwner(ownerPath: string): Promise<Owner | undefined> {
  try {
    const parsed = Owner.safeParse(JSON.parse(await readFile(ownerPath, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the recorded holder may still run; a holder on another host is assumed alive. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  // A restarted container gives the new server the dead one's pid: not held by this process
  // (checked above), so the pid is the dead holder's.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
