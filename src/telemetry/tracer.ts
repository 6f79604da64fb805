import {
  SpanStatusCode,
  context,
  trace,
  type Attributes,
  type Span,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import { isAppError } from '../errors.js';
import { SERVER_VERSION } from '../version.js';
import { ERROR_TYPE } from './semconv.js';

/** Ballast's tracer (a proxy: it follows whichever provider is registered). */
export function tracer(): Tracer {
  return trace.getTracer('ballast', SERVER_VERSION);
}

/**
 * A short, content-free name for what went wrong: a model failure code (`HTTP_503`, `TIMEOUT`),
 * else an `AppError` code, else the error's class name.
 */
export function errorType(error: unknown): string {
  const failure = (error as { failure?: { code?: unknown } } | null)?.failure?.code;
  if (typeof failure === 'string') return failure;
  if (isAppError(error)) return error.code;
  return error instanceof Error ? error.name : 'Error';
}

/**
 * Marks `span` failed with `error.type` and the exception (its message is scrubbed on export).
 * @param type Default: {@link errorType} of `error`.
 */
export function failSpan(span: Span, error: unknown, type: string = errorType(error)): void {
  span.setAttribute(ERROR_TYPE, type);
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
}

/**
 * Runs `fn` inside a new active span that ends when it settles; a throw marks it failed.
 * @param options Default: an internal span without attributes.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, options);
  try {
    return await context.with(trace.setSpan(context.active(), span), () => fn(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** True when a span is active in the current context (something is being traced). */
export function hasActiveSpan(): boolean {
  return trace.getSpan(context.active())?.isRecording() ?? false;
}

/** Adds `attributes` to the active span's event `name`, if a span is active. */
export function activeSpanEvent(name: string, attributes: Attributes): void {
  trace.getSpan(context.active())?.addEvent(name, attributes);
}
