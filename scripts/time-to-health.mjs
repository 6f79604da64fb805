#!/usr/bin/env node
// Time from spawning a server to its first answer to `{ health { status } }`, on embedded
// defaults in a temporary data folder and a free port. Each run starts on an empty folder
// (cold: PGlite initialised and migrated) and then once more on the same folder (warm).
//
//   node scripts/time-to-health.mjs [runs] -- <command...>
//   node scripts/time-to-health.mjs 5 -- node --import ./dist/src/telemetry.js dist/src/main.js
//   node scripts/time-to-health.mjs 5 -- node --import tsx --import ./src/telemetry.ts src/main.ts
//   node scripts/time-to-health.mjs 1 -- npm start
// The command runs in its own process group, which is stopped with SIGINT (SIGKILL after 30 s)
// and waited for, so `npm start` and the server under it both end before the next run.
//
// Also a module: `npm run bench -- startup` (bench/startup.ts) measures with `timeToHealth`,
// which can also read the server's resident memory after it has idled.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function healthy(url) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    const body = await response.json();
    return typeof body?.data?.health?.status === 'string';
  } catch {
    return false;
  }
}

/**
 * Spawns `command` with `args` (its own process group, PORT and `env` set), polls `health`
 * every 20 ms until it answers, optionally idles, then stops the group and waits for it.
 * @param {object} options
 * @param {string} options.command
 * @param {string[]} options.args
 * @param {Record<string, string | undefined>} [options.env] Added to (or, when undefined, removed
 *   from) this process's environment. Default: `BALLAST_DATA_DIR` unset, `LOG_LEVEL=info`.
 * @param {string} [options.cwd] Default: this process's.
 * @param {number} [options.idleMs] After the first answer, how long the server idles before its
 *   resident memory is read. Default: 0 (not read).
 * @param {number} [options.timeoutMs] Default: 120 000.
 * @returns {Promise<{ms: number, cpuMs: number, rssMb?: number, peakRssMb?: number,
 *   phasesMs?: Record<string, number>}>} wall and CPU time (the whole group's) to the first
 *   answer; the server process's `VmRSS` after idling and `VmHWM` (peak); the phases the
 *   server logged in its ready line (`startupPhasesMs`, ms since its process started).
 */
export async function timeToHealth({
  command,
  args,
  env = {},
  cwd,
  idleMs = 0,
  timeoutMs = 120_000,
}) {
  const port = await freePort();
  const childEnv = { ...process.env, LOG_LEVEL: 'info', PORT: String(port) };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const started = performance.now();
  const child = spawn(command, args, {
    env: childEnv,
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => (stdout = (stdout + chunk).slice(-200_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/graphql`;
  const output = () => `${stderr}${stdout}`.slice(-4000);
  try {
    const deadline = started + timeoutMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early: ${output()}`);
      if (await healthy(url)) {
        const sample = { ms: performance.now() - started, cpuMs: groupCpuMs(child.pid) };
        if (idleMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, idleMs));
          const memory = serverMemory(child.pid, port);
          if (memory) Object.assign(sample, memory);
        }
        const phases = readyPhases(stdout);
        if (phases) sample.phasesMs = phases;
        return sample;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no health answer within ${timeoutMs / 1000} s: ${output()}`);
  } finally {
    await stopGroup(child.pid);
    await exited;
  }
}

function readyPhases(stdout) {
  for (const line of stdout.split('\n')) {
    if (!line.includes('startupPhasesMs')) continue;
    try {
      return JSON.parse(line).startupPhasesMs;
    } catch {
      // not a whole log line
    }
  }
  return undefined;
}

const procIds = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));

function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

// CPU time spent by the group so far (Linux /proc; NaN elsewhere): unlike wall time, it hardly
// depends on what else the machine runs. Clock ticks are 10 ms on Linux.
function groupCpuMs(pgid) {
  try {
    let ticks = 0;
    for (const pid of procIds()) {
      let fields;
      try {
        fields = statFields(pid);
      } catch {
        continue;
      }
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
    return ticks * 10;
  } catch {
    return Number.NaN;
  }
}

// The resident memory of the server itself: the process of the group that holds the listening
// socket on `port` (under `npm start`, npm and the shell are in the group too). Linux only.
function serverMemory(pgid, port) {
  try {
    const inodes = new Set();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text;
      try {
        text = readFileSync(table, 'utf8');
      } catch {
        continue;
      }
      for (const row of text.split('\n').slice(1)) {
        const cols = row.trim().split(/\s+/);
        if (cols.length < 10 || cols[3] !== '0A') continue;
        if (parseInt(cols[1].split(':').at(-1), 16) === port) inodes.add(`socket:[${cols[9]}]`);
      }
    }
    for (const pid of procIds()) {
      try {
        if (Number(statFields(pid)[2]) !== pgid) continue;
        const fds = readdirSync(`/proc/${pid}/fd`);
        if (!fds.some((fd) => inodes.has(safeReadlink(`/proc/${pid}/fd/${fd}`)))) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
        return { pid: Number(pid), rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
      } catch {
        continue;
      }
    }
  } catch {
    // not Linux
  }
  return undefined;
}

function safeReadlink(path) {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(pid) {
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGINT');
  const deadline = performance.now() + 30_000;
  while (groupAlive(pid)) {
    if (performance.now() > deadline) {
      process.kill(-pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The middle value (the upper one of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const separator = process.argv.indexOf('--');
  if (separator < 0 || separator === process.argv.length - 1) {
    console.error('usage: node scripts/time-to-health.mjs [runs] -- <command...>');
    process.exit(2);
  }
  const runs = Number(process.argv.slice(2, separator)[0] ?? 3);
  const [command, ...args] = process.argv.slice(separator + 1);
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'ballast-health-'));
    const env = { BALLAST_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    try {
      cold.push(await timeToHealth({ command, args, env }));
      warm.push(await timeToHealth({ command, args, env }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  function report(label, samples) {
    const wall = samples.map((s) => s.ms);
    const cpu = samples.map((s) => s.cpuMs);
    const list = (values) => values.map((v) => Math.round(v)).join(', ');
    console.log(
      `${label} wall median ${Math.round(median(wall))} ms [${list(wall)}], ` +
        `CPU median ${Math.round(median(cpu))} ms [${list(cpu)}]`,
    );
  }
  report('cold (empty data folder):', cold);
  report('warm (existing folder):  ', warm);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
