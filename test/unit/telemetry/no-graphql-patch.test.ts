// Issue 20, point 8: telemetry patches nothing of graphql's own. graphql-ws is handed traced
// `execute` and `subscribe` functions (src/server/websocket.ts); the only patching of graphql is
// the graphql instrumentation's, through its public options.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('no module of src/ reaches into graphql', () => {
  const files = sources(path.join(ROOT, 'src')).map((file) => ({
    file: path.relative(ROOT, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('imports or requires graphql by its package name only, never an internal path', () => {
    const internal = files.filter(({ text }) => /['"]graphql\/[^'"]+['"]/.test(text));
    expect(internal.map((f) => f.file)).toEqual([]);
  });

  it('never reads the function an instrumentation wrapped (`__original`)', () => {
    expect(files.filter(({ text }) => text.includes('__original')).map((f) => f.file)).toEqual([]);
  });
});
