import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A Ballast server running as a child process, as `npm start` runs it. */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Every JSON log line printed so far. */
  logs: Record<string, unknown>[];
  /** Every line printed on standard output so far, JSON or not. */
  lines: string[];
  /** Everything printed on standard error so far (a crash's stack, for instance). */
  readonly stderr: string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Options of {@link spawnServer}. */
export interface SpawnServerOptions {
  /** Start OpenTelemetry first, as `npm start` does (`--import src/telemetry.ts`). Default: false. */
  telemetry?: boolean;
}

/**
 * Starts `node --import tsx src/main.ts` with `env` on an ephemeral port and resolves once
 * it logs its URL. Rejects if it exits first or takes longer than `timeoutMs` (default 60 s).
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  options: SpawnServerOptions = {},
): Promise<ChildServer> {
  const child = startChild(env, options);
  const logs: Record<string, unknown>[] = [];
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready: ${stderr}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry['url'] === 'string') {
          clearTimeout(timer);
          resolve(entry['url']);
        }
      } catch {
        // not a log line
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before ready: ${stderr}${lines.join('\n')}`));
    });
  });
  return {
    url,
    process: child,
    logs,
    lines,
    get stderr() {
      return stderr;
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}

/** How a server that was expected to fail at start ended (see {@link runServerToExit}). */
export interface ServerExit {
  code: number | null;
  /** Every line printed on standard output. */
  lines: string[];
  /** Everything printed on standard error. */
  stderr: string;
  /** From spawn to exit. */
  elapsedMs: number;
}

/**
 * Starts the server like {@link spawnServer} and waits for it to exit on its own (a bad
 * environment, a database it cannot reach). Kills it and rejects, with what it printed, if it
 * is still running after `timeoutMs` (default 30 s).
 */
export async function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerExit> {
  const started = performance.now();
  const child = startChild(env);
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await exited;
  clearTimeout(timer);
  const elapsedMs = Math.round(performance.now() - started);
  if (signal === 'SIGKILL') {
    throw new Error(`server still running after ${timeoutMs} ms: ${stderr}${lines.join('\n')}`);
  }
  return { code, lines, stderr, elapsedMs };
}

function startChild(env: Record<string, string>, options: SpawnServerOptions = {}): ChildProcess {
  const telemetry = options.telemetry ? ['--import', './src/telemetry.ts'] : [];
  return spawn(process.execPath, ['--import', 'tsx', ...telemetry, 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** POSTs one GraphQL operation over HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
