import { context, trace, type Span } from '@opentelemetry/api';
import type pg from 'pg';
import { instruments } from './instruments.js';
import { UsageMeter, withRunScope, type RunUsageRecord } from './run-usage.js';
import { BALLAST, GEN_AI } from './semconv.js';
import { contextOfTraceParent } from './trace-parent.js';
import { failSpan, tracer } from './tracer.js';

/** The workflow every run executes. */
export const WORKFLOW_NAME = 'agentic-rag';

/** The run being executed, as `traceRun` needs it. */
export interface TracedRun {
  id: string;
  thread_id: string;
  attempts: number;
  trace_id: string | null;
  /** `runs.trace_parent`: the operation that asked for the run, read when it was claimed. */
  trace_parent: string | null;
  /** `runs.usage` when claimed: what earlier attempts of a resumed run used. */
  usage?: RunUsageRecord | null;
}

/** What the run's executor reports to telemetry. */
export interface RunTelemetry {
  /**
   * Tokens and cost of the run's model calls so far, per model, earlier attempts included (a
   * resumed run); null when none was made. The span records this attempt's alone.
   */
  usage(): RunUsageRecord | null;
  /** Records how the execution ended: a run status and, when it failed, the error code. */
  finish(status: string, errorCode?: string | null): void;
}

/**
 * Executes one claimed run inside its `invoke_workflow agentic-rag` span and with its usage
 * meter. The span's parent is the operation that asked for the run (its W3C traceparent, stored
 * on the run by `submitRun`), so the operation, the workflow, its nodes, model calls and SQL are
 * one trace even though the run executes later in a worker, maybe in another process or after a
 * resume. `runs.trace_id` is set to the workflow's trace when it differs (no parent was stored).
 * Records `ballast.run.duration`.
 */
export async function traceRun<T>(
  pool: Pick<pg.Pool, 'query'>,
  run: TracedRun,
  execute: (telemetry: RunTelemetry) => Promise<T>,
): Promise<T> {
  const parent = contextOfTraceParent(run.trace_parent);
  const span = tracer().startSpan(
    `invoke_workflow ${WORKFLOW_NAME}`,
    {
      attributes: {
        [GEN_AI.operationName]: 'invoke_workflow',
        [GEN_AI.workflowName]: WORKFLOW_NAME,
        [GEN_AI.conversationId]: run.thread_id,
        [BALLAST.runId]: run.id,
        [BALLAST.runAttempt]: run.attempts,
      },
    },
    parent,
  );
  const spanContext = trace.setSpan(parent, span);
  const usage = new UsageMeter(run.usage ?? null);
  const started = performance.now();
  let status = 'INTERRUPTED';
  const telemetry: RunTelemetry = {
    usage: () => usage.summary(),
    finish(finalStatus, errorCode) {
      status = finalStatus;
      span.setAttribute(BALLAST.runStatus, finalStatus);
      if (errorCode) failSpan(span, undefined, errorCode);
      recordUsage(span, usage.executionSummary());
    },
  };
  return context.with(spanContext, async () => {
    try {
      const traceId = span.isRecording() ? span.spanContext().traceId : null;
      if (traceId && traceId !== run.trace_id) {
        await pool.query('UPDATE runs SET trace_id = $2 WHERE id = $1', [run.id, traceId]);
      }
      return await withRunScope({ runId: run.id, threadId: run.thread_id, usage }, () =>
        execute(telemetry),
      );
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
      instruments().runDuration.record((performance.now() - started) / 1000, {
        [BALLAST.runStatus]: status,
      });
    }
  });
}

function recordUsage(span: Span, usage: RunUsageRecord | null): void {
  if (!usage) return;
  span.setAttributes({
    [GEN_AI.usageInputTokens]: usage.inputTokens,
    [GEN_AI.usageOutputTokens]: usage.outputTokens,
    ...(usage.costUsd === null ? {} : { [BALLAST.costUsd]: usage.costUsd }),
  });
}
