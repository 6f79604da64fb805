import { fileURLToPath } from 'node:url';

/**
 * The embedded template: a `PGlite.dumpDataDir()` archive of a new database with every migration
 * applied, which a new data folder is unpacked from instead of being created by initdb and
 * migrated (initdb alone takes 5 s or more here). `npm run build` writes it to
 * `dist/embedded-template.tgz`, beside the compiled code; run from the sources (tests,
 * `npm run dev`) there is none, and a new folder is created the long way.
 */
export const EMBEDDED_TEMPLATE_FILE = fileURLToPath(
  new URL('../../embedded-template.tgz', import.meta.url),
);
