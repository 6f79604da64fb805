import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { preview } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = path.join(ROOT, 'examples/chat/vite.config.ts');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const BUILD_TIMEOUT_MS = 120_000;

/** The chat example, built and served by `vite preview` on an ephemeral port. */
export interface ServedChatApp {
  /** The app's page, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Its origin, to list in Ballast's allowed origins. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Builds `examples/chat` (as `npm run example:chat` does) into a new temporary folder, so that
 * concurrent runs never share an output, and serves it on 127.0.0.1, port 0.
 */
export async function serveChatApp(): Promise<ServedChatApp> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ballast-chat-'));
  try {
    // In its own process with NODE_ENV=production, as `npm run example:chat` builds it: under
    // Vitest (NODE_ENV=test) Vite would build React's development variant.
    await promisify(execFile)(
      process.execPath,
      [
        VITE,
        'build',
        '--config',
        CONFIG,
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production' },
        timeout: BUILD_TIMEOUT_MS,
      },
    );
    const server = await preview({
      configFile: CONFIG,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, strictPort: false, open: false },
    });
    const { port } = server.httpServer.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    return {
      url: `${origin}/`,
      origin,
      async close() {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
