import { z } from 'zod';

/** What the embedded database's worker is started with (its `workerData`). */
export const WorkerInit = z
  .object({
    /** Folder of the database files. */
    dataDir: z.string().optional(),
    /** A `PGlite.dumpDataDir()` archive to start from instead (tests' template). */
    loadDataDir: z.instanceof(ArrayBuffer).optional(),
    /**
     * A `PGlite.dumpDataDir()` archive file that `dataDir` starts from when it holds no database
     * yet (src/db/embedded-template-file.ts); missing or unreadable, initdb creates it instead.
     */
    templateFile: z.string().optional(),
    /** Where to serve the PostgreSQL wire protocol: `<dir>/.s.PGSQL.<port>`, as `pg` looks for it. */
    socketPath: z.string(),
  })
  .refine((init) => (init.dataDir === undefined) !== (init.loadDataDir === undefined), {
    message: 'exactly one of dataDir and loadDataDir',
  });
export type WorkerInit = z.infer<typeof WorkerInit>;

/** What the worker tells its host. */
export type WorkerMessage =
  /** Serving on the socket. */
  | { type: 'ready' }
  /** PGlite failed to start or failed later; `output` is the tail of what it printed. */
  | { type: 'failed'; message: string; output: string }
  /** Closed cleanly after a `close` request; the thread ends next. */
  | { type: 'closed' };

/** What the host tells the worker. */
export type HostMessage = { type: 'close' };
