// The LangGraph JS dev server for `bench/peers.ts`: `langgraphjs dev` (@langchain/langgraph-cli)
// serving bench/peer-graph/ (five counting nodes, no model), in its own process group so the
// CLI, its tsx runner and the server are stopped together; and the client loop that creates a
// thread and a run on it, waiting for the run's result.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoop, type LoopResult } from './_runs-protocol.js';
import { freePort, stopProcess, withDeadline } from './_peers-process.js';

const PROJECT = fileURLToPath(new URL('./peer-graph/', import.meta.url));
/** The graph id in bench/peer-graph/langgraph.json. */
const ASSISTANT = 'peer';
/** Nodes the peer graph runs per run (each adds 1 to `step`). */
export const PEER_NODE_COUNT = 5;

/** The dev server, listening. */
export interface LangGraphDevServer {
  url: string;
  pid: number;
  /** Its stdout and stderr. */
  logFile: string;
  version: string;
  stop(): Promise<void>;
}

/** The installed CLI's version and its entry script. */
function cli(): { version: string; script: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@langchain/langgraph-cli/package.json');
  const pkg = require(manifest) as { version: string; bin: Record<string, string> };
  return {
    version: pkg.version,
    script: path.join(path.dirname(manifest), pkg.bin['langgraphjs']!),
  };
}

/**
 * Starts `langgraphjs dev --no-browser --no-reload --host 127.0.0.1 --port <free>` in
 * bench/peer-graph/ and waits (at most `startMs`) until `GET /ok` answers. Its state folder
 * (`.langgraph_api`, its in-memory stores flushed to files) is removed before and after.
 */
export async function startLangGraphDev(startMs = 180_000): Promise<LangGraphDevServer> {
  const { version, script } = cli();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmpdir(), `ballast-bench-langgraph-dev-${process.pid}.log`);
  const state = path.join(PROJECT, '.langgraph_api');
  rmSync(state, { recursive: true, force: true });
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [script, 'dev', '--no-browser', '--no-reload', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: PROJECT,
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        // No usage report to the CLI's analytics endpoint, no LangSmith tracing, no browser.
        LANGGRAPH_CLI_NO_ANALYTICS: '1',
        LANGSMITH_TRACING: 'false',
        LANGCHAIN_TRACING_V2: 'false',
        BROWSER: 'none',
      },
    },
  );
  closeSync(log);
  const stop = async () => {
    await stopProcess(child, { group: true });
    rmSync(state, { recursive: true, force: true });
  };
  try {
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(new Error(`langgraphjs dev exited with ${code}; see ${logFile}`)),
      ),
    );
    const ready = (async () => {
      for (;;) {
        const ok = await fetch(`${url}/ok`, { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await withDeadline(
      `langgraphjs dev start (log: ${logFile})`,
      startMs,
      Promise.race([ready, exited]),
    );
    return { url, pid: child.pid!, logFile, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One run on the peer: `POST /threads`, then `POST /threads/{id}/runs/wait` for its output. */
async function peerRun(url: string, note: string): Promise<void> {
  const thread = await postJson<{ thread_id: string }>(`${url}/threads`, {});
  const output = await postJson<{ step?: number }>(`${url}/threads/${thread.thread_id}/runs/wait`, {
    assistant_id: ASSISTANT,
    input: { note },
  });
  if (output.step !== PEER_NODE_COUNT) {
    throw new Error(`peer run ended with ${JSON.stringify(output)}`);
  }
}

/** `runs` peer runs by `concurrency` clients; per-run latencies and the wall time. */
export function peerLoop(
  url: string,
  runs: number,
  concurrency: number,
  tag: string,
): Promise<LoopResult> {
  return runLoop(runs, concurrency, (i) => peerRun(url, `${tag} ${i}`));
}
