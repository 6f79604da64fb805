import { createRequire } from 'node:module';
import { SpanKind, context, trace, type Context, type Span } from '@opentelemetry/api';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { instruments } from './instruments.js';
import {
  operationLabels,
  operationMetricLabels,
  operationSpanAttributes,
  type OperationLabels,
} from './graphql-operation.js';
import { SUBSCRIPTION_EVENTS } from './sampler.js';
import { ERROR_TYPE } from './semconv.js';
import { errorType, failSpan, tracer } from './tracer.js';

type SubscribeResult = AsyncGenerator<ExecutionResult> | ExecutionResult;
type Subscribe = (args: ExecutionArgs) => Promise<SubscribeResult>;

const require = createRequire(import.meta.url);

/**
 * Traces graphql-ws subscriptions, which Apollo's plugins and the graphql instrumentation (it
 * wraps `execute` only) never see: patches graphql's `subscribe` so that each subscription is one
 * operation span for its whole life — the resolver's SQL nests under it (each event's `execute`
 * would too, but `BallastSampler` leaves those out) — and each result carries
 * `extensions.traceId`. Must run before graphql-ws is imported
 * (it binds `subscribe` at import), as `--import` and the tests' telemetry set-up do.
 * @returns a function that restores the original `subscribe`.
 */
export function instrumentGraphqlSubscribe(): () => void {
  const module = require('graphql/execution/subscribe.js') as { subscribe: Subscribe };
  const original = module.subscribe;
  module.subscribe = tracedSubscribe(original);
  return () => {
    module.subscribe = original;
  };
}

/** `subscribe` inside an operation span (see {@link instrumentGraphqlSubscribe}). */
export function tracedSubscribe(subscribe: Subscribe): Subscribe {
  return async (args) => {
    const labels = operationLabels(args.document, args.operationName);
    const span = tracer().startSpan(labels.spanName, {
      kind: SpanKind.SERVER,
      attributes: operationSpanAttributes(labels),
    });
    const operation = new OperationSpan(span, labels);
    let result: SubscribeResult;
    try {
      result = await context.with(operation.context, () => subscribe(args));
    } catch (error) {
      operation.end(error);
      throw error;
    }
    if (!(Symbol.asyncIterator in result)) {
      operation.end(result.errors?.[0]);
      return operation.tag(result);
    }
    return operation.wrap(result);
  };
}

// The operation span of one subscription: ends once, with the stream, and records the metric.
class OperationSpan {
  readonly context: Context;
  readonly #span: Span;
  readonly #labels: OperationLabels;
  readonly #started = performance.now();
  readonly #traceId: string | undefined;
  #ended = false;

  constructor(span: Span, labels: OperationLabels) {
    this.#span = span;
    this.#labels = labels;
    this.context = trace.setSpan(context.active(), span);
    this.#traceId = span.isRecording() ? span.spanContext().traceId : undefined;
  }

  /** `result` with `extensions.traceId`. */
  tag(result: ExecutionResult): ExecutionResult {
    if (this.#traceId === undefined) return result;
    return { ...result, extensions: { ...result.extensions, traceId: this.#traceId } };
  }

  /** Ends the span (failed when `error` is given); later calls do nothing. */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    const labels = operationMetricLabels(this.#labels);
    if (error !== undefined) {
      failSpan(this.#span, error);
      labels[ERROR_TYPE] = errorType(error);
    }
    this.#span.end();
    instruments().operationDuration.record((performance.now() - this.#started) / 1000, labels);
  }

  /** `source`, each step run in the operation's context; the span ends with the stream. */
  wrap(source: AsyncGenerator<ExecutionResult>): AsyncGenerator<ExecutionResult> {
    // Each event's `execute` runs in this context: the sampler leaves those spans out.
    const events = this.context.setValue(SUBSCRIPTION_EVENTS, true);
    const inContext = <T>(fn: () => Promise<T>) => context.with(events, fn);
    const iterator: AsyncGenerator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        try {
          const step = await inContext(() => source.next());
          if (step.done) this.end();
          return step.done ? step : { done: false, value: this.tag(step.value) };
        } catch (error) {
          this.end(error);
          throw error;
        }
      },
      return: async (value) => {
        try {
          return await inContext(() => source.return(value));
        } finally {
          this.end();
        }
      },
      throw: async (error: unknown) => {
        try {
          return await inContext(() => source.throw(error));
        } finally {
          this.end(error);
        }
      },
    };
    return iterator;
  }
}
