/**
 * The embedded database (PGlite) could not start or stopped working: a failure of the
 * database itself, not of a statement. Its message is one line meant for the person who
 * started the server; it never carries PGlite's WebAssembly output or a stack.
 */
export class EmbeddedDatabaseError extends Error {
  override readonly name: string = 'EmbeddedDatabaseError';
  /** Stable code for logs and callers: the message explains itself, no stack needed. */
  readonly code: string = 'EMBEDDED_DATABASE_FAILED';
  /** The data folder; undefined for a database loaded from a dump (tests). */
  readonly dataDir: string | undefined;
  /** The last lines PGlite printed before failing, truncated; empty when it printed nothing. */
  readonly output: string;

  constructor(message: string, dataDir: string | undefined, output = '') {
    super(message);
    this.dataDir = dataDir;
    this.output = output;
  }
}

/** Another live process holds the data folder: a second server, or `npm run keys` beside one. */
export class DataDirLockedError extends EmbeddedDatabaseError {
  override readonly name = 'DataDirLockedError';
  override readonly code = 'DATA_DIR_LOCKED';
  /** The process holding the folder, when it recorded itself. */
  readonly holderPid: number | undefined;

  constructor(dataDir: string, holderPid: number | undefined, holderHost: string | undefined) {
    const holder =
      holderPid === undefined
        ? 'another process'
        : `process ${holderPid}${holderHost ? ` on ${holderHost}` : ''}`;
    super(
      `The data folder ${dataDir} is in use by ${holder} (another Ballast server or \`npm run keys\`): ` +
        'stop it first, or set BALLAST_DATA_DIR to another folder.',
      dataDir,
    );
    this.holderPid = holderPid;
  }
}
