// Type-only imports of graphql: graphql's functions are handed in by the caller (websocket.ts,
// loaded after the SDK has patched graphql), so loading this file never loads graphql unpatched.
import { SpanKind, context, trace, type Context, type Span } from '@opentelemetry/api';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { instruments } from './instruments.js';
import {
  markTracedOperation,
  operationLabels,
  operationMetricLabels,
  operationSpanAttributes,
  type OperationLabels,
} from './graphql-operation.js';
import { ERROR_TYPE } from './semconv.js';
import { errorType, failSpan, tracer } from './tracer.js';

/** graphql's `execute`, or one with its signature. */
export type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;
/** graphql's `createSourceEventStream`, or one with its signature. */
export type CreateSourceEventStream = (
  args: ExecutionArgs,
) => Promise<AsyncIterable<unknown> | ExecutionResult>;
/** graphql's `subscribe`, as graphql-ws's `subscribe` option takes it. */
export type Subscribe = (
  args: ExecutionArgs,
) => Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;

/**
 * graphql-ws's `execute` option: `execute` (graphql's) inside an operation span — SERVER, named
 * and labelled like every operation, the root of its trace (graphql-ws has no HTTP request around
 * it, and Apollo's plugins never see it) — that records `ballast.graphql.operation.duration`;
 * the result carries `extensions.traceId`. The execution's SQL nests under the span; the graphql
 * instrumentation adds none of its own there (see `instrumentations.ts`).
 */
export function tracedExecute(execute: Execute): (args: ExecutionArgs) => Promise<ExecutionResult> {
  return async (args) => {
    const operation = new OperationSpan(args);
    try {
      const result = await operation.run(() => execute(args));
      operation.end(result.errors?.[0]);
      return operation.tag(result);
    } catch (error) {
      operation.end(error);
      throw error;
    }
  };
}

/**
 * graphql-ws's `subscribe` option: graphql's `subscribe` — the source stream of
 * `createSourceEventStream`, each event executed by `execute` with the event as root value —
 * inside one operation span for the subscription's whole life (as {@link tracedExecute}'s, ended
 * with the stream). The resolver's SQL and that of each event's execution nest under it, no event
 * makes a span of its own (a dozen per run would each repeat the operation), and every result
 * carries `extensions.traceId`.
 */
export function tracedSubscribe(
  createSourceEventStream: CreateSourceEventStream,
  execute: Execute,
): Subscribe {
  return async (args) => {
    const operation = new OperationSpan(args);
    let stream: AsyncIterable<unknown> | ExecutionResult;
    try {
      stream = await operation.run(() => createSourceEventStream(args));
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

// The operation span of one graphql-ws operation: ends once, and records the metric.
class OperationSpan {
  readonly #context: Context;
  readonly #span: Span;
  readonly #labels: OperationLabels;
  readonly #started = performance.now();
  readonly #traceId: string | undefined;
  #ended = false;

  constructor(args: ExecutionArgs) {
    this.#labels = operationLabels(args.document, args.operationName);
    this.#span = tracer().startSpan(this.#labels.spanName, {
      kind: SpanKind.SERVER,
      attributes: operationSpanAttributes(this.#labels),
    });
    this.#context = markTracedOperation(trace.setSpan(context.active(), this.#span));
    this.#traceId = this.#span.isRecording() ? this.#span.spanContext().traceId : undefined;
  }

  /** Runs `fn` in the operation's context. */
  run<T>(fn: () => T): T {
    return context.with(this.#context, fn);
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
    execute: (payload: unknown) => ExecutionResult | Promise<ExecutionResult>,
  ): AsyncGenerator<ExecutionResult> {
    const closeSource = async () => {
      try {
        await this.run(() => source.return?.());
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
        return { done: false, value: this.tag(await this.run(() => execute(step.value))) };
      } catch (error) {
        await closeSource();
        throw error;
      }
    };
    const iterator: AsyncGenerator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        try {
          return await mapStep(await this.run(() => source.next()));
        } catch (error) {
          this.end(error);
          throw error;
        }
      },
      return: async () => {
        try {
          await this.run(() => source.return?.());
          return { done: true, value: undefined };
        } finally {
          this.end();
        }
      },
      throw: async (error: unknown) => {
        try {
          if (!source.throw) throw error;
          return await mapStep(await this.run(() => source.throw!(error)));
        } finally {
          this.end(error);
        }
      },
    };
    return iterator;
  }
}
