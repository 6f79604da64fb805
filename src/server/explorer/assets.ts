import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

/** The files of the explorer bundle, as `scripts/bundle-explorer.mjs` names them. */
export const EXPLORER_ASSET_TYPES = {
  'graphiql.js': 'text/javascript; charset=utf-8',
  'graphiql.css': 'text/css; charset=utf-8',
} as const;

/** One of the explorer bundle's file names. */
export type ExplorerAssetName = keyof typeof EXPLORER_ASSET_TYPES;

/** One file of the explorer bundle, ready to send. */
export interface ExplorerAsset {
  contentType: string;
  body: Buffer;
  /** `body` gzipped once, for clients that accept it. */
  gzipped: Buffer;
}

/** The explorer bundle, loaded once. */
export type ExplorerAssets = () => Promise<Record<ExplorerAssetName, ExplorerAsset>>;

// From dist/src/server/explorer/ these are dist/explorer/ (written by `npm run build`) and a
// script that is not there; from src/server/explorer/ (tsx: dev, tests) a directory that is
// not there and the repository's bundler, which needs esbuild (a dev dependency).
const BUILT_DIR = new URL('../../../explorer/', import.meta.url);
const BUNDLER = new URL('../../../scripts/bundle-explorer.mjs', import.meta.url);

const bundlerModule = z.object({
  bundleExplorer: z.custom<() => Promise<unknown>>((value) => typeof value === 'function'),
});
const bundleFiles = z.record(z.string(), z.instanceof(Uint8Array));

/**
 * The explorer bundle: dist/explorer/ when the server runs from `npm run build`'s output,
 * otherwise bundled in memory on the first call (about 2 s), so a server run through tsx
 * needs no build step. A failure is not kept: the next call tries again.
 */
export function explorerAssets(): ExplorerAssets {
  let loading: Promise<Record<ExplorerAssetName, ExplorerAsset>> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

async function load(): Promise<Record<ExplorerAssetName, ExplorerAsset>> {
  const files = (await readBuilt()) ?? (await bundleNow());
  const assets = {} as Record<ExplorerAssetName, ExplorerAsset>;
  for (const [name, contentType] of Object.entries(EXPLORER_ASSET_TYPES)) {
    const contents = files[name];
    if (!contents) throw new Error(`the explorer bundle has no ${name}`);
    const body = Buffer.from(contents);
    assets[name as ExplorerAssetName] = { contentType, body, gzipped: gzipSync(body) };
  }
  return assets;
}

async function readBuilt(): Promise<Record<string, Uint8Array> | undefined> {
  try {
    const names = Object.keys(EXPLORER_ASSET_TYPES);
    const contents = await Promise.all(names.map((name) => readFile(new URL(name, BUILT_DIR))));
    return Object.fromEntries(names.map((name, i) => [name, contents[i]!]));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function bundleNow(): Promise<Record<string, Uint8Array>> {
  let bundler: z.infer<typeof bundlerModule>;
  try {
    bundler = bundlerModule.parse(await import(BUNDLER.href));
  } catch (error) {
    throw new Error(
      'the explorer bundle is missing (dist/explorer/) and cannot be built here: run `npm run build`',
      { cause: error },
    );
  }
  return bundleFiles.parse(await bundler.bundleExplorer());
}
