// `npm run bench -- startup`: how fast a new server answers and how much memory it holds idle.
// The compiled server (dist/, rebuilt first when stale, as `npm start` does) is started with
// `npm start`'s own node command (without npm in front) on a free port, and `{ health }` polled
// every 20 ms until it answers (scripts/time-to-health.mjs):
//   embedded — defaults, in a new temporary data folder: cold is its first start (the database is
//              unpacked from the build's template, migrations run), warm the next start on the
//              same folder;
//   postgres — DATABASE_URL at a new database on the local server (BENCH_DATABASE_URL's), cold
//              on the empty database (migrations run), warm on the same one again.
// After each first answer the server idles 5 s, then the resident memory (VmRSS) of the server
// process itself is read: with the embedded database that includes PGlite's thread. The phases
// come from the server's ready line (`startupPhasesMs`: ms since its process started, at the
// end of each). Runs are interleaved (embedded cold, warm, postgres cold, warm, …).
//   BENCH_STARTUP_RUNS (default 5), BENCH_STARTUP_IDLE_MS (default 5000),
//   BENCH_STARTUP_DIST: another compiled tree to start (default: the repository's dist/),
//   BENCH_STARTUP_MODES: `embedded`, `postgres` or both, comma-separated (default: both).
// The targets of issue 18 are in the result with whether each median meets them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { timeToHealth, type HealthSample } from '../scripts/time-to-health.mjs';
import { BENCH_POSTGRES_URL, median, round } from './_support.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env['BENCH_STARTUP_RUNS'] ?? 5);
const IDLE_MS = Number(process.env['BENCH_STARTUP_IDLE_MS'] ?? 5000);
const MODES = (process.env['BENCH_STARTUP_MODES'] ?? 'embedded,postgres').split(',');

/** Issue 18's targets, on a 2-core machine. */
export const STARTUP_TARGETS = { warmMs: 3000, coldMs: 6000, idleRssMb: 250 } as const;

type Mode = 'embedded' | 'postgres';
type Phase = 'cold' | 'warm';

/** `npm start`'s node arguments, pointed at `dist` (`--import ./dist/src/telemetry.js …`). */
function startArgs(dist: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = pkg.scripts['start']!.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts['start']}`);
  return args.map((arg) =>
    /^(\.\/)?dist\//.test(arg) ? path.join(dist, arg.replace(/^(\.\/)?dist\//, '')) : arg,
  );
}

function compiledTree(): string {
  const given = process.env['BENCH_STARTUP_DIST'];
  if (given) return path.resolve(given);
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('scripts/build.mjs failed');
  return path.join(ROOT, 'dist');
}

const stats = (values: number[]) =>
  values.length === 0
    ? null
    : {
        median: round(median(values), 1),
        min: round(Math.min(...values), 1),
        max: round(Math.max(...values), 1),
        samples: values.map((v) => round(v, 1)),
      };

function summary(samples: HealthSample[]) {
  const phases = new Set(samples.flatMap((s) => Object.keys(s.phasesMs ?? {})));
  return {
    timeToHealthMs: stats(samples.map((s) => s.ms)),
    cpuMs: stats(samples.map((s) => s.cpuMs)),
    idleRssMb: stats(samples.flatMap((s) => (s.rssMb === undefined ? [] : [s.rssMb]))),
    peakRssMb: stats(samples.flatMap((s) => (s.peakRssMb === undefined ? [] : [s.peakRssMb]))),
    // Median end of each phase, in ms since the server process started.
    phasesMs: Object.fromEntries(
      [...phases].map((p) => [p, median(samples.flatMap((s) => s.phasesMs?.[p] ?? []))]),
    ),
  };
}

/** A new empty database on the local PostgreSQL, or null when it cannot be reached. */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `ballast_bench_startup_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export default async function startupBench() {
  const dist = compiledTree();
  const args = startArgs(dist);
  const samples: Record<Mode, Record<Phase, HealthSample[]>> = {
    embedded: { cold: [], warm: [] },
    postgres: { cold: [], warm: [] },
  };
  let postgresSkipped = MODES.includes('postgres') ? undefined : 'not chosen (BENCH_STARTUP_MODES)';
  const embeddedChosen = MODES.includes('embedded');
  const loadBefore = os.loadavg();
  const start = (env: Record<string, string | undefined>) =>
    timeToHealth({ command: process.execPath, args, cwd: ROOT, env, idleMs: IDLE_MS });
  for (let run = 0; run < RUNS; run++) {
    console.log(`bench startup: run ${run + 1} of ${RUNS}`);
    if (embeddedChosen) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ballast-startup-'));
      try {
        const env = { BALLAST_DATA_DIR: dataDir, DATABASE_URL: undefined };
        samples.embedded.cold.push(await start(env));
        samples.embedded.warm.push(await start(env));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (postgresSkipped) continue;
    const database = await postgresDatabase();
    if (!database) {
      postgresSkipped = `PostgreSQL unreachable at ${BENCH_POSTGRES_URL}`;
      continue;
    }
    try {
      const env = { DATABASE_URL: database.url, BALLAST_DATA_DIR: undefined };
      samples.postgres.cold.push(await start(env));
      samples.postgres.warm.push(await start(env));
    } finally {
      await database.drop();
    }
  }

  const embedded = { cold: summary(samples.embedded.cold), warm: summary(samples.embedded.warm) };
  const postgres = postgresSkipped
    ? { skipped: postgresSkipped }
    : { cold: summary(samples.postgres.cold), warm: summary(samples.postgres.warm) };
  const rss = Math.max(
    embedded.cold.idleRssMb?.median ?? Infinity,
    embedded.warm.idleRssMb?.median ?? Infinity,
  );
  return {
    command: `node ${args.map((a) => (path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(' ')}`,
    runs: RUNS,
    idleMs: IDLE_MS,
    loadAverage: {
      before: loadBefore.map((l) => round(l)),
      after: os.loadavg().map((l) => round(l)),
    },
    targets: STARTUP_TARGETS,
    // Embedded defaults, medians; idle memory: the larger of the cold and warm medians.
    met: {
      warm: (embedded.warm.timeToHealthMs?.median ?? Infinity) <= STARTUP_TARGETS.warmMs,
      cold: (embedded.cold.timeToHealthMs?.median ?? Infinity) <= STARTUP_TARGETS.coldMs,
      idleRss: rss <= STARTUP_TARGETS.idleRssMb,
    },
    embedded,
    postgres,
  };
}
