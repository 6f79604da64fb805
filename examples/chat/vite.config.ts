import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Port of `npm run example:chat` (vite preview). Ballast must list its origin in `BALLAST_ALLOWED_ORIGINS`. */
export const CHAT_PORT = 5180;

// The chat app builds into examples/chat/dist and is served by `vite preview` on 5180.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // React, Apollo Client and zod in one chunk: about 520 kB (155 kB gzipped).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  preview: { host: '127.0.0.1', port: CHAT_PORT, strictPort: true },
  // No dev-time proxy: the app talks to Ballast's URL directly, as it does when served.
  server: { host: '127.0.0.1', port: CHAT_PORT, strictPort: true },
});
