import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { FileFormat } from '../files/detect-format.js';
import { spawnModuleWorker } from '../threads/spawn-module-worker.js';
import { ReadFileReply } from './file-reader-protocol.js';
import type { PreparedFileContent } from './prepare-file-content.js';

/** Options of {@link createFileReaderPool}. */
export interface FileReaderPoolOptions {
  /** Threads reading files at once. Default: 1. */
  threads?: number;
}

/** Reads and prepares files on worker threads, off the server's event loop. */
export interface FileReaderPool {
  /**
   * What `prepareFileContent` returns, computed on a thread. The content's memory is moved to
   * the thread (the buffer is detached) when it is the whole of its `ArrayBuffer`, else copied
   * once: the caller must not use `content` afterwards.
   * @throws {AppError} the thread's error with its code, message and details
   *   (`INVALID_DOCUMENT`, `UNSUPPORTED_MEDIA_TYPE`, `BAD_USER_INPUT`); `INTERNAL_SERVER_ERROR`
   *   when the thread failed or the pool is closed.
   */
  prepare(format: FileFormat, content: Buffer): Promise<PreparedFileContent>;
  /** Threads running now: none until the first file, none after {@link close}. */
  readonly threads: number;
  /** Fails what is queued or being read and ends every thread; safe to call twice. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  format: FileFormat;
  bytes: ArrayBuffer;
  resolve: (prepared: PreparedFileContent) => void;
  reject: (error: AppError) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  exited: Promise<void>;
}

/**
 * A small pool of file reader threads (file-reader-thread.ts), started lazily: no thread runs
 * before the first file, and a thread that died is replaced on the next one. Files wait in
 * order for a free thread.
 */
export function createFileReaderPool(options: FileReaderPoolOptions = {}): FileReaderPool {
  const size = Math.max(1, options.threads ?? 1);
  const running = new Set<Thread>();
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  const closedError = () =>
    new AppError('INTERNAL_SERVER_ERROR', 'the file reader stopped before the file was read');

  const dispatch = () => {
    while (queue.length > 0) {
      let thread = [...running].find((candidate) => candidate.task === null);
      if (!thread && running.size >= size) return;
      thread ??= start();
      const task = queue.shift()!;
      thread.task = task;
      try {
        thread.worker.postMessage({ id: task.id, format: task.format, bytes: task.bytes }, [
          task.bytes,
        ]);
      } catch (error) {
        thread.task = null;
        task.reject(
          new AppError('INTERNAL_SERVER_ERROR', 'the file could not be sent to its reader', {
            cause: error,
          }),
        );
      }
    }
  };

  const start = (): Thread => {
    const worker = spawnModuleWorker(import.meta.url, './file-reader-thread', {});
    const thread: Thread = {
      worker,
      task: null,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    running.add(thread);
    let failure: Error | undefined;
    worker.on('message', (message: unknown) => {
      const task = thread.task;
      thread.task = null;
      if (task) settle(task, message);
      dispatch();
    });
    worker.on('error', (error) => (failure = error));
    worker.once('exit', (code) => {
      running.delete(thread);
      thread.task?.reject(
        closed
          ? closedError()
          : new AppError(
              'INTERNAL_SERVER_ERROR',
              `the file reader thread stopped (exit code ${code})`,
              { cause: failure },
            ),
      );
      thread.task = null;
      if (!closed) dispatch();
    });
    return thread;
  };

  return {
    prepare(format, content) {
      if (closed) return Promise.reject(closedError());
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, format, bytes: ownBytes(content), resolve, reject });
        dispatch();
      });
    },
    get threads() {
      return running.size;
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(closedError());
      const threads = [...running];
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
      await Promise.all(threads.map((thread) => thread.exited));
    },
  };
}

function settle(task: Task, message: unknown): void {
  const reply = ReadFileReply.safeParse(message);
  if (!reply.success || reply.data.id !== task.id) {
    task.reject(new AppError('INTERNAL_SERVER_ERROR', 'the file reader thread replied wrongly'));
  } else if (reply.data.ok) {
    const { text, piiCounts, pageStarts } = reply.data;
    task.resolve({ text, piiCounts, pageStarts });
  } else {
    const { code, message: reason, details } = reply.data;
    task.reject(new AppError(code, reason, details ? { details } : {}));
  }
}

// The buffer's own memory when it spans the whole of it (files read from the database do),
// so it is moved to the thread; else one copy.
function ownBytes(content: Buffer): ArrayBuffer {
  const whole =
    content.byteOffset === 0 &&
    content.byteLength === content.buffer.byteLength &&
    content.buffer instanceof ArrayBuffer;
  return whole ? (content.buffer as ArrayBuffer) : new Uint8Array(content).buffer;
}
