import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread running the module `name` (without extension) beside the caller:
 * `name.js` when the caller runs from compiled JavaScript (dist/), `name.ts` through tsx when it
 * runs from TypeScript (dev, tests). The thread inherits the process's flags: a flag list given
 * explicitly would be refused for any flag a worker cannot take (`--watch`, `--expose-gc`,
 * `--max-old-space-size`), and the telemetry preload starts nothing outside the main thread.
 * @param callerUrl the caller's `import.meta.url`.
 * @param name the module's path relative to the caller, without extension (`./file-reader-thread`).
 */
export function spawnModuleWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${name}.js`, callerUrl), options);
  // A worker does not inherit the parent's tsx loader (nor Vitest's): it registers its own.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
