import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../threads/spawn-module-worker.js';
import { EmbeddedDatabaseError } from './embedded-errors.js';
import type { HostMessage, WorkerInit, WorkerMessage } from './embedded-protocol.js';
import { OutputTail } from './output-tail.js';

/** The port in the socket's file name (`.s.PGSQL.<port>`); nothing listens on a TCP port. */
const SOCKET_PORT = 5432;
/** How long a close may take before the thread is stopped. */
const CLOSE_TIMEOUT_MS = 10_000;

/** Options of {@link startEmbeddedHost}. */
export interface EmbeddedHostOptions {
  /** Folder of the database files, or `memory://`. Exactly one of `dataDir` and `loadDataDir`. */
  dataDir?: string;
  /** A `PGlite.dumpDataDir()` archive to start from (tests' template database). */
  loadDataDir?: ArrayBuffer;
  /** An archive file a `dataDir` without a database starts from (see `WorkerInit`). */
  templateFile?: string;
  /** Called once when the database fails after it started (its thread died or PGlite aborted). */
  onFailure: (error: EmbeddedDatabaseError) => void;
}

/** A running embedded database, reachable with `pg` on a Unix socket. */
export interface EmbeddedHost {
  /** `pg`'s `host`: the private directory holding the socket. */
  readonly socketDir: string;
  /** `pg`'s `port`, which names the socket file. */
  readonly port: number;
  /** Closes PGlite (so its files are left consistent) and ends its thread; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts PGlite in a worker thread serving the PostgreSQL protocol on a Unix socket in a new
 * private (0700) temporary directory. Whatever PGlite prints is kept, never shown: a failure
 * becomes one {@link EmbeddedDatabaseError} whose `output` holds the tail.
 * @throws EmbeddedDatabaseError when PGlite cannot start (a damaged data folder, for instance).
 */
export async function startEmbeddedHost(options: EmbeddedHostOptions): Promise<EmbeddedHost> {
  const folder = options.dataDir?.startsWith('memory://') ? undefined : options.dataDir;
  const where = folder ? ` in ${folder}` : '';
  const socketDir = await mkdtemp(path.join(tmpdir(), 'ballast-pglite-'));
  const init: WorkerInit = {
    socketPath: path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(folder && options.templateFile ? { templateFile: options.templateFile } : {}),
  };
  const worker = spawnWorker(init);
  const printed = new OutputTail();
  for (const stream of [worker.stdout, worker.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => printed.add(chunk));
  }
  const failure = (what: string, message: string, reported = '') => {
    const output = [reported, printed.text()].filter(Boolean).join('\n');
    // PostgreSQL's own reason ("could not open file …") says more than PGlite's ("Aborted()").
    const reason = [...output.matchAll(/\b(?:PANIC|FATAL|ERROR):\s+(.+)/g)].at(-1)?.[1]?.trim();
    const cause = reason && !message.includes(reason) ? `${reason} (${message})` : message;
    return new EmbeddedDatabaseError(
      `The embedded database${where} ${what}: ${cause}`,
      folder,
      output,
    );
  };

  let started = false;
  let closing = false;
  let failed = false;
  let startFailed: (error: EmbeddedDatabaseError) => void = () => undefined;
  // Before the start resolves, a failure rejects it; after, it is reported once to onFailure.
  const report = (error: EmbeddedDatabaseError) => {
    if (!started) return startFailed(error);
    if (closing || failed) return;
    failed = true;
    options.onFailure(error);
  };
  // Not events.once: it would reject on the 'error' event that precedes a crash's 'exit'.
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const what = () => (started ? 'failed' : 'could not start');
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'failed') report(failure(what(), message.message, message.output));
  });
  worker.on('error', (error) => report(failure(what(), error.message.split('\n', 1)[0] ?? '')));
  void exited.then((code) => report(failure(what(), `its thread exited with code ${code}`)));

  try {
    await new Promise<void>((resolve, reject) => {
      startFailed = reject;
      worker.on('message', (message: WorkerMessage) => message.type === 'ready' && resolve());
    });
  } catch (error) {
    await worker.terminate();
    await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  started = true;

  return {
    socketDir,
    port: SOCKET_PORT,
    async close() {
      if (closing) return;
      closing = true;
      if (failed) {
        await worker.terminate();
      } else {
        worker.postMessage({ type: 'close' } satisfies HostMessage);
        const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

/** The worker from compiled JavaScript (dist/), or from TypeScript through tsx (dev, tests). */
function spawnWorker(init: WorkerInit): Worker {
  return spawnModuleWorker(import.meta.url, './embedded-worker', {
    workerData: init,
    transferList: init.loadDataDir ? [init.loadDataDir] : [],
    stdout: true,
    stderr: true,
  });
}
