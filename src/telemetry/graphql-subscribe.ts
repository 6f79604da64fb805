import { createRequire } from 'node:module';
import { SpanKind, context, trace, type Context, type Span } from '@opentelemetry/api';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { PromiseOrValue } from 'graphql/jsutils/PromiseOrValue.js';
import { instruments } from './instruments.js';
import {
  operationLabels,
  operationMetricLabels,
  operationSpanAttributes,
  type OperationLabels,
} from './graphql-operation.js';
import { ERROR_TYPE } from './semconv.js';
import { errorType, failSpan, tracer } from './tracer.js';

type SubscribeResult = AsyncGenerator<ExecutionResult> | ExecutionResult;
type Subscribe = (args: ExecutionArgs) => Promise<SubscribeResult>;
type SourceStream = AsyncIterable<unknown> | ExecutionResult;
type CreateSourceEventStream = (args: ExecutionArgs) => Promise<SourceStream>;
type Execute = (args: ExecutionArgs) => PromiseOrValue<ExecutionResult>;

const require = createRequire(import.meta.url);

/**
 * graphql's `execute` without the graphql instrumentation's wrapper, which keeps the function it
 * wraps as `__original` (shimmer's contract). Each event of a subscription is executed with
 * it: under the wrapper, every event (a dozen per run) paid for a span that is never recorded
 * and for re-reading the whole document into it — the subscription's span covers them.
 */
function unwrapped(execute: Execute): Execute {
  const original = (execute as { __original?: unknown }).__original;
  return typeof original === 'function' ? (original as Execute) : execute;
}

/**
 * Traces graphql-ws subscriptions, which Apollo's plugins and the graphql instrumentation (it
 * wraps `execute` only) never see: patches graphql's `subscribe` so that each subscription is one
 * operation span for its whole life — the resolver's SQL and that of each event's execution
 * nest under it — and each result carries `extensions.traceId`. Must run before graphql-ws is
 * imported (it binds `subscribe` at import), as `--import` and the tests' telemetry set-up do.
 * @returns a function that restores the original `subscribe`.
 */
export function instrumentGraphqlSubscribe(): () => void {
  const subscribeModule = require('graphql/execution/subscribe.js') as {
    subscribe: Subscribe;
    createSourceEventStream: CreateSourceEventStream;
  };
  const executeModule = require('graphql/execution/execute.js') as { execute: Execute };
  const original = subscribeModule.subscribe;
  subscribeModule.subscribe = tracedSubscribe(subscribeModule.createSourceEventStream, (args) =>
    unwrapped(executeModule.execute)(args),
  );
  return () => {
    subscribeModule.subscribe = original;
  };
}

/**
 * graphql's `subscribe` (the source stream of `createSourceEventStream`, each event executed by
 * `execute`) inside an operation span (see {@link instrumentGraphqlSubscribe}).
 */
export function tracedSubscribe(
  createSourceEventStream: CreateSourceEventStream,
  execute: Execute,
): Subscribe {
  return async (args) => {
    const labels = operationLabels(args.document, args.operationName);
    const span = tracer().startSpan(labels.spanName, {
      kind: SpanKind.SERVER,
      attributes: operationSpanAttributes(labels),
    });
    const operation = new OperationSpan(span, labels);
    let stream: SourceStream;
    try {
      stream = await context.with(operation.context, () => createSourceEventStream(args));
    } catch (error) {
      operation.end(error);
      throw error;
    }
    if (!(Symbol.asyncIterator in stream)) {
      operation.end(stream.errors?.[0]);
      return operation.tag(stream);
    }
    return operation.wrap(stream[Symbol.asyncIterator](), (payload) =>
      execute({ ...args, rootValue: payload }),
    );
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

  /**
   * The results of `source`'s events, each executed by `execute`, every step run in the
   * operation's context, as graphql's `subscribe` maps them (an execution that throws closes
   * the source); the span ends with the stream.
   */
  wrap(
    source: AsyncIterator<unknown>,
    execute: (payload: unknown) => PromiseOrValue<ExecutionResult>,
  ): AsyncGenerator<ExecutionResult> {
    const inContext = <T>(fn: () => PromiseOrValue<T>) => context.with(this.context, fn);
    const closeSource = async () => {
      try {
        await inContext(() => source.return?.());
      } catch {
        // The execution's error is the one reported.
      }
    };
    const mapStep = async (
      step: IteratorResult<unknown>,
    ): Promise<IteratorResult<ExecutionResult>> => {
      if (step.done) {
        this.end();
        return { done: true, value: undefined };
      }
      try {
        return { done: false, value: this.tag(await inContext(() => execute(step.value))) };
      } catch (error) {
        await closeSource();
        throw error;
      }
    };
    const iterator: AsyncGenerator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        try {
          return await mapStep(await inContext(() => source.next()));
        } catch (error) {
          this.end(error);
          throw error;
        }
      },
      return: async () => {
        try {
          await inContext(() => source.return?.());
          return { done: true, value: undefined };
        } finally {
          this.end();
        }
      },
      throw: async (error: unknown) => {
        try {
          if (!source.throw) throw error;
          return await mapStep(await inContext(() => source.throw!(error)));
        } finally {
          this.end(error);
        }
      },
    };
    return iterator;
  }
}
