// Reading exported spans in telemetry tests; no side effects (unlike `telemetry.ts`, which
// starts telemetry when imported).
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { waitFor } from '../../../support/wait-for.js';

/** Polls `read` every 20 ms until it returns a value, for up to `timeoutMs` (default 10 s). */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const value = await waitFor({
    what: 'telemetry',
    read,
    until: (v) => v !== undefined,
    timeoutMs,
    intervalMs: 20,
  });
  return value!;
}

/** The span of `spans` named `name` (the first one), or a thrown error listing the names. */
export function spanNamed(spans: readonly ReadableSpan[], name: string | RegExp): ReadableSpan {
  const found = spans.find((s) => (typeof name === 'string' ? s.name === name : name.test(s.name)));
  if (!found)
    throw new Error(`no span ${String(name)} among ${spans.map((s) => s.name).join(', ')}`);
  return found;
}

/** The id of `span`'s parent, or undefined for a root. */
export const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** The id of `span`. */
export const idOf = (span: ReadableSpan) => span.spanContext().spanId;
