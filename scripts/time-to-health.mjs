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
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const separator = process.argv.indexOf('--');
if (separator < 0 || separator === process.argv.length - 1) {
  console.error('usage: node scripts/time-to-health.mjs [runs] -- <command...>');
  process.exit(2);
}
const runs = Number(process.argv.slice(2, separator)[0] ?? 3);
const [command, ...args] = process.argv.slice(separator + 1);

function freePort() {
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

async function timeOnce(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), BALLAST_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const deadline = started + 120_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
      if (await healthy(url))
        return { ms: performance.now() - started, cpuMs: groupCpuMs(child.pid) };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no health answer within 120 s: ${stderr}`);
  } finally {
    await stopGroup(child.pid);
    await exited;
  }
}

// CPU time spent by the group so far (Linux /proc; NaN elsewhere): unlike wall time, it hardly
// depends on what else the machine runs. Clock ticks are 10 ms on Linux.
function groupCpuMs(pgid) {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
    return ticks * 10;
  } catch {
    return Number.NaN;
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ballast-health-'));
  try {
    cold.push(await timeOnce(dataDir));
    warm.push(await timeOnce(dataDir));
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
