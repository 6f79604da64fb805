// Bundles the offline explorer (GraphiQL, React, graphql-ws; src/server/explorer/browser.js)
// with esbuild into two self-contained files, graphiql.js and graphiql.css: no CDN, fonts and
// images inlined. `npm run build` writes them to dist/explorer/; a server run from the sources
// (`npm run dev`, tests) calls this on the first request for them and keeps them in memory.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../src/server/explorer/browser.js', import.meta.url));

/** The files of the explorer bundle, by name. */
export const EXPLORER_FILES = ['graphiql.js', 'graphiql.css'];

/**
 * Bundles the explorer, minified, for current browsers.
 * @param {{ outdir?: string }} [options] `outdir`: also write the files there. Default: memory only.
 * @returns {Promise<Record<string, Uint8Array>>} the contents of {@link EXPLORER_FILES}.
 */
export async function bundleExplorer(options = {}) {
  const result = await build({
    entryPoints: { graphiql: ENTRY },
    outdir: 'explorer',
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  const files = {};
  for (const file of result.outputFiles) {
    const name = file.path.split(/[\\/]/).pop();
    if (EXPLORER_FILES.includes(name)) files[name] = file.contents;
  }
  const missing = EXPLORER_FILES.filter((name) => !files[name]);
  if (missing.length > 0) throw new Error(`explorer bundle has no ${missing.join(', ')}`);
  if (options.outdir) {
    mkdirSync(options.outdir, { recursive: true });
    for (const [name, contents] of Object.entries(files)) {
      writeFileSync(join(options.outdir, name), contents);
    }
  }
  return files;
}
