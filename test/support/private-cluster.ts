import { execFile, execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Options of {@link createPrivateCluster}. */
export interface PrivateClusterOptions {
  /** Folder of PostgreSQL's `initdb` and `pg_ctl`. Default: `PG_BIN_DIR`, else PostgreSQL 15's. */
  binDir?: string;
  /** Deadline of each step (initdb, start, stop); the step's program is killed past it. Default: 30 s. */
  timeoutMs?: number;
}

/**
 * A PostgreSQL server of one test's own, in a temporary folder, on a free port of 127.0.0.1:
 * stopping it is a database outage that no other test sees. Trust authentication, superuser
 * `postgres`; the extensions installed on the machine (pgvector) can be created in it.
 */
export interface PrivateCluster {
  /** Its port, the same across restarts. */
  readonly port: number;
  /** The `postgres` database as the `postgres` superuser. */
  readonly url: string;
  /** Its folder: the data directory `data/` and the server's log `server.log`. */
  readonly dir: string;
  /** True from a successful {@link start} to the next {@link stop}. */
  readonly running: boolean;
  /** Starts the server and resolves once it accepts connections; no-op when running. */
  start(): Promise<void>;
  /**
   * Stops the server and resolves once it is down; no-op when stopped. `fast` (default) ends
   * every session as a clean shutdown does; `immediate` is a crash (recovery at next start).
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server if needed and deletes its folder. Safe to call twice. */
  destroy(): Promise<void>;
}

const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';

/**
 * Creates and starts a {@link PrivateCluster} (about 2 s). As root, PostgreSQL's programs run as
 * the `postgres` user (it refuses to run as root). If the test process exits without
 * {@link PrivateCluster.destroy}, an exit hook kills the server and deletes the folder.
 * @throws when a step fails or passes its deadline; nothing is left behind then.
 */
export async function createPrivateCluster(
  options: PrivateClusterOptions = {},
): Promise<PrivateCluster> {
  const binDir = options.binDir ?? process.env['PG_BIN_DIR'] ?? DEFAULT_BIN_DIR;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const asOwner = (program: string, args: string[]): [string, string[]] =>
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
      : [program, args];
  const exec = async (program: string, args: string[], cwd: string): Promise<void> => {
    const [file, argv] = asOwner(program, args);
    await run(file, argv, { cwd, timeout: timeoutMs });
  };

  // Made by the server's owner, so that it may write there.
  const [mktemp, mktempArgs] = asOwner('mktemp', ['-d', '/tmp/ballast-pg-XXXXXX']);
  const dir = (await run(mktemp, mktempArgs, { cwd: '/tmp', timeout: timeoutMs })).stdout.trim();
  const dataDir = `${dir}/data`;
  const logFile = `${dir}/server.log`;
  let running = false;
  let destroyed = false;

  const pgCtl = (args: string[]) =>
    exec(
      `${binDir}/pg_ctl`,
      ['-D', dataDir, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), ...args],
      dir,
    );
  const serverLog = async () => (await readFile(logFile, 'utf8').catch(() => '')).slice(-2000);

  // Sync, as 'exit' listeners must be. The pid file, not `running`: a start that passed its
  // deadline may have left a server behind.
  const killOnExit = () => {
    if (existsSync(`${dataDir}/postmaster.pid`)) {
      const [file, argv] = asOwner(`${binDir}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', 'stop']);
      try {
        execFileSync(file, argv, { cwd: dir, timeout: 10_000, stdio: 'ignore' });
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  let port = 0;
  const cluster: PrivateCluster = {
    get port() {
      return port;
    },
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    dir,
    get running() {
      return running;
    },
    async start() {
      if (running) return;
      if (destroyed) throw new Error('private cluster destroyed');
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        // A test cluster need not survive a power cut.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await pgCtl(['-l', logFile, '-o', settings, 'start']);
      } catch (error) {
        throw new Error(`private cluster did not start: ${String(error)}\n${await serverLog()}`);
      }
      running = true;
    },
    async stop(mode = 'fast') {
      if (!running) return;
      await pgCtl(['-m', mode, 'stop']);
      running = false;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        if (running) await cluster.stop('immediate');
      } finally {
        running = false;
        process.off('exit', killOnExit);
        killOnExit();
      }
    },
  };

  try {
    await exec(
      `${binDir}/initdb`,
      [
        '-D',
        dataDir,
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--no-sync',
        '--no-instructions',
      ],
      dir,
    );
    // A free port can be taken between the probe and the server's bind: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await cluster.start();
        break;
      } catch (error) {
        if (attempt === 3 || !/could not bind|Address already in use/.test(String(error))) {
          throw error;
        }
      }
    }
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}

/** A TCP port of 127.0.0.1 free at the time of the call. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
