import { describe, expect, it } from 'vitest';
import {
  cpuProfiler,
  OTHER_PART,
  selfTimeByPart,
  TELEMETRY_PARTS,
  type CodePart,
} from '../../../bench/_cpu-profile.js';

const SDK = 'file:///app/node_modules/@opentelemetry/sdk-trace/build/src/Tracer.js';
const PG = 'file:///app/node_modules/@opentelemetry/instrumentation-pg/build/src/utils.js';
const HTTP = 'file:///app/node_modules/@opentelemetry/instrumentation-http/build/src/http.js';
const BALLAST = 'file:///app/src/telemetry/span-store.ts';
const APP = 'file:///app/src/runs/event-writer.ts';

const frame = (id: number, url: string, functionName = 'f') => ({
  id,
  callFrame: { url, functionName },
});

describe('selfTimeByPart', () => {
  it('sums each sample’s time into the part of its frame, idle left out', () => {
    const profile = {
      nodes: [
        frame(1, '', '(root)'),
        frame(2, '', '(idle)'),
        frame(3, SDK, 'startSpan'),
        frame(4, PG, 'handleConfigQuery'),
        frame(5, APP, 'emit'),
        frame(6, '', '(garbage collector)'),
        frame(7, BALLAST, 'onEnd'),
        frame(8, HTTP, 'incomingRequest'),
      ],
      // A sample's time is the delta recorded before the next sample (µs).
      samples: [2, 3, 3, 4, 5, 6, 7, 8, 2],
      timeDeltas: [0, 5000, 1000, 1000, 2000, 4000, 500, 250, 125],
    };
    const { busyMs, msByPart } = selfTimeByPart(profile, TELEMETRY_PARTS);
    const part = (n: number) => msByPart[TELEMETRY_PARTS[n]!.name];
    expect(part(0)).toBeCloseTo(2, 6); // two sdk-trace samples, 1 ms each
    expect(part(1)).toBeCloseTo(2, 6);
    expect(part(2)).toBeCloseTo(0.125, 6);
    expect(part(6)).toBeCloseTo(0.25, 6);
    expect(msByPart['garbage collection']).toBeCloseTo(0.5, 6);
    expect(msByPart[OTHER_PART]).toBeCloseTo(4, 6);
    // The first idle sample's 5 ms and the last sample (no time after it) count nowhere.
    expect(busyMs).toBeCloseTo(2 + 2 + 0.125 + 0.25 + 0.5 + 4, 6);
  });

  it('gives every part a figure, zero when nothing was sampled in it', () => {
    const { busyMs, msByPart } = selfTimeByPart({ nodes: [frame(1, '', '(root)')] }, [
      { name: 'mine', matches: () => true },
    ]);
    expect(busyMs).toBe(0);
    expect(msByPart).toEqual({ mine: 0, [OTHER_PART]: 0 });
  });
});

describe('cpuProfiler', () => {
  it('profiles this process between start and stop', async () => {
    const thisFile: CodePart = {
      name: 'this test',
      matches: (url) => url.includes('cpu-profile.test'),
    };
    const profiler = cpuProfiler([thisFile]);
    await profiler.start(100);
    let x = 0;
    const until = performance.now() + 100;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const { busyMs, msByPart } = await profiler.stop();
    expect(x).toBeGreaterThan(0);
    expect(msByPart['this test']).toBeGreaterThan(0);
    expect(busyMs).toBeGreaterThanOrEqual(msByPart['this test']!);
    await expect(profiler.stop()).rejects.toThrow(/not started/);
  });
});
