import { createRequire } from 'node:module';
import { context } from '@opentelemetry/api';

type Connect = (this: unknown, callback?: unknown) => unknown;

const require = createRequire(import.meta.url);

/**
 * Keeps the caller's trace context across a wait for a pooled connection. `pool.query` waits in
 * pg-pool's queue when every connection is busy (always, embedded: there is one) and its query
 * then runs in the context of whoever released the connection, under the wrong span. The pg
 * instrumentation fixes this only together with a `pg-pool.connect` span per query — a third of
 * all spans — so Ballast turns those off and binds the callback itself.
 * @returns a function that removes the binding.
 */
export function bindPgPoolContext(): () => void {
  const { Pool } = require('pg') as { Pool: { prototype: object } };
  const bound = Pool.prototype as { connect?: Connect };
  const inherited = Object.getPrototypeOf(bound) as { connect: Connect };
  bound.connect = function connect(this: unknown, callback?: unknown) {
    const next =
      typeof callback === 'function' ? context.bind(context.active(), callback) : callback;
    // Looked up at each call: the pg instrumentation may wrap pg-pool's connect later.
    return inherited.connect.call(this, next);
  };
  return () => {
    delete bound.connect;
  };
}
