// Types of scripts/time-to-health.mjs for the TypeScript that imports it (bench/startup.ts).

/** One start, measured by {@link timeToHealth}. */
export interface HealthSample {
  /** Wall time from spawning to the first answered `health`. */
  ms: number;
  /** CPU time of the whole process group by then (NaN off Linux). */
  cpuMs: number;
  /** The server process (the one listening on the port), when memory was read. */
  pid?: number;
  /** Its `VmRSS` after idling `idleMs`, in MiB. */
  rssMb?: number;
  /** Its `VmHWM` (peak resident memory) by then, in MiB. */
  peakRssMb?: number;
  /** `startupPhasesMs` of the server's ready line: ms since its process started, per phase. */
  phasesMs?: Record<string, number>;
}

/** Options of {@link timeToHealth}. */
export interface TimeToHealthOptions {
  command: string;
  args: string[];
  /** Added to (undefined: removed from) this process's environment. Default: none. */
  env?: Record<string, string | undefined>;
  /** Default: this process's working directory. */
  cwd?: string;
  /** How long the server idles after its first answer before its memory is read. Default: 0. */
  idleMs?: number;
  /** Default: 120 000. */
  timeoutMs?: number;
}

/** Starts a server, times its first answered `health`, optionally reads its idle memory, stops it. */
export function timeToHealth(options: TimeToHealthOptions): Promise<HealthSample>;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number;
