import type { Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { contextStorage } from './context-storage.js';

/**
 * OpenTelemetry's `AsyncLocalStorageContextManager` on Ballast's {@link contextStorage} instead
 * of an AsyncLocalStorage of its own (the inherited one is never used, so never enabled): one
 * store to propagate per promise instead of two. Binding functions and event emitters is
 * inherited; it goes through `active()` and `with()`.
 */
export class SharedContextManager extends AsyncLocalStorageContextManager {
  override active(): Context {
    return contextStorage.active();
  }

  override with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const callback = thisArg == null ? fn : (fn.bind(thisArg) as F);
    return contextStorage.run(context, callback, ...args);
  }

  override attach(context: Context): { dispose(): void } {
    const previous = contextStorage.active();
    contextStorage.enterWith(context);
    let disposed = false;
    return {
      dispose() {
        if (disposed) return;
        disposed = true;
        contextStorage.enterWith(previous);
      },
    };
  }

  // The store outlives the SDK: run scopes use it with telemetry off.
  override disable(): this {
    return this;
  }
}
