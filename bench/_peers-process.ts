// Deadlines and child processes for `bench/peers.ts`: every wait ends, and only the processes
// this bench started are stopped, by their pid (or the process group it made for one).
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** `work`, or an error naming `what` once `ms` have passed (the work itself is not cancelled). */
export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on 127.0.0.1 (free when asked: the caller binds it soon after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Signals `child` (its process group when `group`: a child spawned `detached` leads one) and
 * waits for it to exit; SIGKILL after `graceMs`, and gives up waiting 5 s after that.
 */
export async function stopProcess(
  child: ChildProcess,
  { group = false, graceMs = 10_000 }: { group?: boolean; graceMs?: number } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const killer = setTimeout(() => signal('SIGKILL'), graceMs);
  try {
    await withDeadline(`stopping pid ${pid}`, graceMs + 5_000, exited);
  } finally {
    clearTimeout(killer);
  }
  // The leader may exit before the rest of its group: make sure none of it is left.
  if (group) signal('SIGKILL');
}
