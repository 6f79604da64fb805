// The embedded database's thread: PGlite (synchronous WebAssembly) runs here, never on the
// server's event loop, and serves the PostgreSQL wire protocol on a Unix socket
// (@electric-sql/pglite-socket), so the server reaches it with `pg` exactly as it reaches a
// PostgreSQL server. Started and stopped by embedded-host.ts; its messages are in
// embedded-protocol.ts.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { extract } from 'tar';
import { OutputTail } from './output-tail.js';
import { WorkerInit, type WorkerMessage } from './embedded-protocol.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const init = WorkerInit.parse(workerData);
const output = new OutputTail();
const failed = (error: unknown) =>
  post({ type: 'failed', message: firstLine(error), output: output.text() });

// PostgreSQL's default of 128 MB of shared buffers is resident once touched, and PGlite's one
// session never needs that many: with 16 MB, PGlite opening an existing folder held about
// 165 MB resident instead of 330 (measured alone, node included).
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

try {
  if (init.dataDir && init.templateFile) await startFromTemplate(init.dataDir, init.templateFile);
  const pglite = await PGlite.create({
    ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    extensions: { vector },
    startParams: START_PARAMS,
    onStdout: (line) => output.add(`${line}\n`),
    onStderr: (line) => output.add(`${line}\n`),
  });
  // Statement errors come back inside the protocol; a throw here is PGlite itself failing
  // (WebAssembly aborted, file system error): the session is gone, so the host is told.
  const exec = pglite.execProtocolRawStream.bind(pglite);
  pglite.execProtocolRawStream = async (...args) => {
    try {
      return await exec(...args);
    } catch (error) {
      failed(error);
      throw error;
    }
  };
  // The host's pool uses one connection at a time (see embedded.ts); a few more slots let a
  // replacement connect while a broken one is still being closed.
  const server = new PGLiteSocketServer({ db: pglite, path: init.socketPath, maxConnections: 4 });
  await server.start();
  port.on('message', (message: { type: string }) => {
    if (message.type !== 'close') return;
    void (async () => {
      await server.stop();
      await pglite.close();
      post({ type: 'closed' });
      port.close();
    })().catch(failed);
  });
  post({ type: 'ready' });
} catch (error) {
  failed(error);
}

/**
 * Unpacks the template archive into `dataDir` when the folder holds no database yet (no
 * `PG_VERSION`, which PGlite itself looks for) and the archive is there; PGlite then opens it
 * as an existing database. Otherwise leaves the folder alone: PGlite opens its database, or
 * creates one with initdb. Unpacked as a stream to disk rather than through PGlite's
 * `loadDataDir`, which holds the whole archive (41 MB unpacked) in this thread's memory, and
 * left the idle server about 150 MB larger.
 */
async function startFromTemplate(dataDir: string, templateFile: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION')) || !existsSync(templateFile)) return;
  await mkdir(dataDir, { recursive: true });
  // PG_VERSION last: a process killed while unpacking leaves a folder without it, which the
  // next start unpacks again, never a half database that PGlite would try to open.
  await extract({ file: templateFile, cwd: dataDir, filter: (entry) => !isVersionFile(entry) });
  await extract({ file: templateFile, cwd: dataDir, filter: isVersionFile });
}

// The folder's own PG_VERSION (the archive's entries are `/PG_VERSION`, `/base/1/PG_VERSION`…).
function isVersionFile(entry: string): boolean {
  return entry.replace(/^[/.]+/, '') === 'PG_VERSION';
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
