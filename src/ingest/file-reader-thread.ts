// A file reader thread: PDF.js (through unpdf), mammoth and the text cleaning and redaction of
// a file run here, never on the server's event loop. Started and stopped by
// file-reader-pool.ts; its messages are in file-reader-protocol.ts.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../errors.js';
import { ReadFileRequest, type ReadFileReply } from './file-reader-protocol.js';
import { prepareFileContent } from './prepare-file-content.js';

const port = parentPort!;

port.on('message', (message: unknown) => void answer(message));

async function answer(message: unknown): Promise<void> {
  const request = ReadFileRequest.safeParse(message);
  if (!request.success) {
    const id = (message as { id?: unknown } | null)?.id;
    return reply({
      id: typeof id === 'number' ? id : -1,
      ok: false,
      code: 'INTERNAL_SERVER_ERROR',
      message: 'the file reader thread was sent an invalid request',
    });
  }
  const { id, format, bytes } = request.data;
  try {
    // The bytes were transferred to this thread: PDF.js may keep (and detach) them.
    const prepared = await prepareFileContent(format, Buffer.from(bytes), { owned: true });
    reply({ id, ok: true, ...prepared });
  } catch (error) {
    reply(
      isAppError(error)
        ? {
            id,
            ok: false,
            code: error.code,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
          }
        : {
            id,
            ok: false,
            code: 'INTERNAL_SERVER_ERROR',
            message: `the file could not be read (${error instanceof Error ? error.message : 'unknown error'})`,
          },
    );
  }
}

function reply(message: ReadFileReply): void {
  port.postMessage(message);
}
