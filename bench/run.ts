// `npm run bench -- <name> [<name> …]`: runs bench/<name>.ts (its default export returns the
// result object) and writes bench/results/<name>.json. With no name, runs every bench.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = (await readdir(here))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = names.length > 0 ? names : all;

await mkdir(new URL('results/', import.meta.url), { recursive: true });
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`unknown bench "${name}"; known: ${all.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(`./${name}.ts`)) as { default: () => Promise<unknown> };
  console.log(`bench ${name}: running`);
  const result = await mod.default();
  const record = {
    bench: name,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
    result,
  };
  const file = new URL(`results/${name}.json`, import.meta.url);
  await writeFile(file, JSON.stringify(record, null, 2) + '\n');
  console.log(JSON.stringify(record.result, null, 2));
  console.log(`bench ${name}: wrote ${fileURLToPath(file)}`);
}
process.exit(0);
