// Where a process's CPU time goes, by part of the code: a V8 CPU profile of a window (taken in
// the process itself, through the inspector), its self time summed by which file each sampled
// frame is in. Used by `bench/telemetry.ts` to attribute tracing's cost, which throughput alone
// cannot: a part's self time is measured inside one process, so the per-process speed that
// blurs the throughput comparison between processes does not blur it.
import { Session } from 'node:inspector/promises';

/** One part of the code: its name and which sampled frames belong to it. */
export interface CodePart {
  name: string;
  /** True for a frame of this part (`url` is empty for native frames). */
  matches(url: string, functionName: string): boolean;
}

/** The part every frame no other part matches falls into. */
export const OTHER_PART = 'everything else';

const under =
  (pattern: RegExp): CodePart['matches'] =>
  (url) =>
    pattern.test(url);

/**
 * What tracing is made of, in the order frames are matched. Async-context propagation is its
 * own part: Ballast propagates its run scope with telemetry off too (one AsyncLocalStorage,
 * shared with OpenTelemetry: see `src/telemetry/context-storage.ts`).
 */
export const TELEMETRY_PARTS: readonly CodePart[] = [
  {
    name: 'OpenTelemetry spans and context (sdk-trace, api, core, context manager)',
    matches: under(/node_modules\/@opentelemetry\/(sdk-trace[^/]*|api|core|context-async-hooks)\//),
  },
  {
    name: 'pg instrumentation',
    matches: under(/node_modules\/@opentelemetry\/instrumentation-pg\//),
  },
  {
    name: 'http, undici and graphql instrumentations',
    matches: under(/node_modules\/@opentelemetry\/instrumentation(-http|-undici|-graphql)?\//),
  },
  {
    name: 'OpenTelemetry metrics',
    matches: under(/node_modules\/@opentelemetry\/(sdk-metrics|exporter-prometheus)\//),
  },
  {
    name: 'OTLP export',
    matches: under(/node_modules\/@opentelemetry\/(exporter-trace-otlp|otlp-)[^/]*\//),
  },
  {
    name: 'module patching (require-in-the-middle, shimmer)',
    matches: under(/node_modules\/(require-in-the-middle|import-in-the-middle|shimmer)\//),
  },
  { name: "Ballast's telemetry code", matches: under(/\/src\/telemetry[/.]/) },
  { name: 'async context propagation (node:async_hooks)', matches: under(/^node:async_hooks$/) },
  {
    name: 'garbage collection',
    matches: (url, functionName) => url === '' && functionName === '(garbage collector)',
  },
];

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

/** A V8 CPU profile, as the inspector's `Profiler.stop` returns it. */
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/**
 * Milliseconds of self time per part in `profile` (frames no part matches go to
 * {@link OTHER_PART}; idle time is left out), and the busy total.
 */
export function selfTimeByPart(
  profile: CpuProfile,
  parts: readonly CodePart[],
): { busyMs: number; msByPart: Record<string, number> } {
  const partOf = new Map<number, string | null>();
  for (const node of profile.nodes) {
    const { url, functionName } = node.callFrame;
    const idle = url === '' && IDLE.has(functionName);
    partOf.set(
      node.id,
      idle ? null : (parts.find((p) => p.matches(url, functionName))?.name ?? OTHER_PART),
    );
  }
  const msByPart: Record<string, number> = Object.fromEntries(
    [...parts.map((p) => p.name), OTHER_PART].map((name) => [name, 0]),
  );
  let busyMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the gap to the next one (V8 records the gap before each sample).
  for (let i = 0; i < samples.length; i++) {
    const part = partOf.get(samples[i]!);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!part) continue;
    msByPart[part]! += ms;
    busyMs += ms;
  }
  return { busyMs, msByPart };
}

/**
 * A CPU profiler on this process's own inspector. `start` begins a window (sampling every
 * `intervalUs` µs, default 200), `stop` ends it and returns its self time by part.
 */
export function cpuProfiler(parts: readonly CodePart[]) {
  let session: Session | null = null;
  return {
    async start(intervalUs = 200): Promise<void> {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
      await session.post('Profiler.start');
    },
    async stop(): Promise<ReturnType<typeof selfTimeByPart>> {
      if (!session) throw new Error('the profiler was not started');
      const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      session = null;
      return selfTimeByPart(profile, parts);
    },
  };
}
