// The embedded database's thread: PGlite (synchronous WebAssembly) runs here, never on the
// server's event loop, and serves the PostgreSQL wire protocol on a Unix socket
// (@electric-sql/pglite-socket), so the server reaches it with `pg` exactly as it reaches a
// PostgreSQL server. Started and stopped by embedded-host.ts; its messages are in
// embedded-protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { OutputTail } from './output-tail.js';
import { WorkerInit, type WorkerMessage } from './embedded-protocol.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const init = WorkerInit.parse(workerData);
const output = new OutputTail();
const failed = (error: unknown) =>
  post({ type: 'failed', message: firstLine(error), output: output.text() });

try {
  const pglite = await PGlite.create({
    ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    extensions: { vector },
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

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
