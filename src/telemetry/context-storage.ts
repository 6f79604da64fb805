import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';

// On Node 20 every AsyncLocalStorage in use copies its value onto every promise the process
// creates: one more instance costs about as much CPU as all the spans of a run's graph nodes.
// Ballast's own per-run scope and OpenTelemetry's context therefore share this one.
const storage = new AsyncLocalStorage<Context>();

/**
 * The one async-context store of Ballast: the OpenTelemetry context when the SDK runs (see
 * `SharedContextManager`), and Ballast's own values (the run scope of `run-usage.ts`) with or
 * without the SDK. Values are kept in an OpenTelemetry `Context`, which needs only the API.
 */
export const contextStorage = {
  /** The current context; `ROOT_CONTEXT` outside any. */
  active(): Context {
    return storage.getStore() ?? ROOT_CONTEXT;
  },
  /** Calls `fn(...args)` with `context` current for everything it starts, synchronously or not. */
  run<A extends unknown[], R>(context: Context, fn: (...args: A) => R, ...args: A): R {
    return storage.run(context, fn, ...args);
  },
  /** Makes `context` current for the rest of this synchronous execution and what it starts. */
  enterWith(context: Context): void {
    storage.enterWith(context);
  },
};
