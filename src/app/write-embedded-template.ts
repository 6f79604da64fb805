import { rename, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { prepareSchema } from './prepare-schema.js';

/**
 * Creates a new PGlite database in memory, prepares it as a server's first start would
 * ({@link prepareSchema}), and writes its `dumpDataDir('gzip')` archive to `file` (through a
 * temporary file beside it, renamed, so a reader never sees half of it). Used by `npm run build`
 * for the embedded template and by the tests for theirs.
 * @returns the schema version of the template.
 */
export async function writeEmbeddedTemplate(file: string): Promise<number> {
  const pglite = await PGlite.create({ extensions: { vector } });
  try {
    const pool = new pg.Pool(createPgConfig(pglite));
    let version: number;
    try {
      version = await prepareSchema({ pool, mode: 'EMBEDDED', close: async () => undefined });
    } finally {
      await pool.end();
    }
    const dump = await pglite.dumpDataDir('gzip');
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return version;
  } finally {
    await pglite.close();
  }
}
