#!/usr/bin/env node
// Compiles the server to dist/ (`npm run build`) with what it reads at run time beside it:
//   dist/src, dist/graphs  ← tsc -p tsconfig.build.json
//   dist/migrations, dist/schema  ← copied; src/db/migrate.ts and src/graphql/schema.ts find
//     them at ../../migrations and ../../schema from their own file, in src/ as in dist/src/
//   dist/package.json  ← name, version and "type": "module"; src/version.ts reads ../package.json
//   dist/explorer  ← the offline explorer (GraphiQL) bundled by scripts/bundle-explorer.mjs;
//     src/server/explorer/assets.ts serves it (from the sources it bundles on first request)
//   dist/embedded-template.tgz  ← a new embedded database with every migration applied, made
//     by the compiled src/app/write-embedded-template.js (about 10 s); a new data folder starts
//     from it instead of initdb (src/db/embedded-template-file.ts)
// and records a hash of its inputs in dist/.inputs-hash.
//
// `--if-stale` (the pre-step of `npm start` and `npm run keys`) builds only when that hash
// differs from the inputs' (a checkout, an edit, a pull); otherwise it costs a hash of the
// sources (about 0.2 s with the start of node). An install without dev dependencies can start a
// dist/ built before, and is told what to do when dist/ is missing or stale.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const HASH_FILE = join(DIST, '.inputs-hash');
const ASSETS = ['migrations', 'schema'];
const INPUT_DIRS = ['src', 'graphs', ...ASSETS];
const INPUT_FILES = [
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/bundle-explorer.mjs',
];

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function inputsHash() {
  const hash = createHash('sha256');
  const files = [
    ...INPUT_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))),
    ...INPUT_FILES.map((file) => join(ROOT, file)),
  ].sort();
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

async function build(hash) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error(
      'dist/ is missing or was built from other sources, and TypeScript is not installed to rebuild it: ' +
        'run `npm install` (with dev dependencies) and `npm run build`.',
    );
    process.exit(1);
  }
  rmSync(DIST, { recursive: true, force: true });
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) {
    console.error('build failed: dist/ left incomplete (fix the errors above and build again)');
    process.exit(compiled.status ?? 1);
  }
  for (const asset of ASSETS) cpSync(join(ROOT, asset), join(DIST, asset), { recursive: true });
  const { bundleExplorer } = await import('./bundle-explorer.mjs');
  await bundleExplorer({ outdir: join(DIST, 'explorer') });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const manifest = { name: pkg.name, version: pkg.version, private: true, type: 'module' };
  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const writer = pathToFileURL(join(DIST, 'src/app/write-embedded-template.js'));
  const { writeEmbeddedTemplate } = await import(writer.href);
  await writeEmbeddedTemplate(join(DIST, 'embedded-template.tgz'));
  writeFileSync(HASH_FILE, `${hash}\n`);
}

const hash = inputsHash();
const built = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : undefined;
if (process.argv.includes('--if-stale') && built === hash) process.exit(0);
if (process.argv.includes('--if-stale')) console.error('dist/ is out of date: building it');
await build(hash);
