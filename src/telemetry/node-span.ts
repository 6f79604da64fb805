import type { Span } from '@opentelemetry/api';
import { recordFallback, type FallbackRecord } from './resilience-events.js';
import { BALLAST, GEN_AI } from './semconv.js';
import { inSpan } from './tracer.js';

/** What a graph node's span reads of LangGraph's config: the thread, and the custom stream. */
export interface NodeConfigLike {
  configurable?: Record<string, unknown>;
  writer?: (chunk: unknown) => void;
}

function isFallback(chunk: unknown): chunk is FallbackRecord & { type: 'fallback' } {
  return (chunk as { type?: unknown } | null)?.type === 'fallback';
}

/**
 * One span per execution of graph node `name` of workflow `workflow`, around `run`. The config
 * `run` receives records each `fallback` event the node streams as a span event (with its
 * reason) before passing it on.
 */
export function traceNode<C extends NodeConfigLike, T>(
  workflow: string,
  name: string,
  config: C,
  run: (config: C, span: Span) => Promise<T>,
): Promise<T> {
  const threadId = config.configurable?.['thread_id'];
  return inSpan(
    `node ${name}`,
    {
      attributes: {
        [GEN_AI.workflowName]: workflow,
        [BALLAST.node]: name,
        ...(typeof threadId === 'string' ? { [GEN_AI.conversationId]: threadId } : {}),
      },
    },
    (span) => {
      const writer = config.writer;
      const observed: C = {
        ...config,
        writer: (chunk: unknown) => {
          if (isFallback(chunk)) recordFallback(chunk);
          writer?.(chunk);
        },
      };
      return run(observed, span);
    },
  );
}
