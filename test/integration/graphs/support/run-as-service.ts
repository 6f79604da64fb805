import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AgenticRagGraph } from '../../../../graphs/agentic-rag/index.js';
import { agenticRagRunner } from '../../../../src/runs/agentic-rag-runner.js';
import type { RunEventDraft } from '../../../../src/runs/run-event.js';
import type { AnswerRecord } from '../../../../src/runs/run-row.js';
import { traceRun, type RunUsageRecord } from '../../../../src/telemetry/index.js';

/** What a run of the runs service would log and store, without its database rows. */
export interface ServiceRun {
  /** The run events the graph produced (`ModelFallback`, `RetrievalDone`, `NodeFinished`…). */
  events: RunEventDraft[];
  answer: AnswerRecord | null;
  /** What `runs.usage` would hold: `telemetry.usage()` once the run has ended. */
  usage: RunUsageRecord | null;
}

/**
 * Runs the graph the way `src/runs/execute-run.ts` does — through the runs service's graph
 * runner, inside `traceRun` (the run's span and usage meter) — and returns what the run would
 * log and store.
 */
export function runAsService(
  pool: pg.Pool,
  graph: AgenticRagGraph,
  input: { threadId: string; workspaceId: string; collectionId: string; question: string },
): Promise<ServiceRun> {
  const run = {
    id: randomUUID(),
    thread_id: input.threadId,
    attempts: 1,
    trace_id: null,
    trace_parent: null,
  };
  return traceRun(pool, run, async (telemetry) => {
    const events: RunEventDraft[] = [];
    let answer: AnswerRecord | null = null;
    const outputs = agenticRagRunner(graph).run(
      { ...input, runId: run.id, resume: false, fromCheckpointId: null },
      new AbortController().signal,
    );
    for await (const output of outputs) {
      if (output.kind === 'event') events.push(output.event);
      else if (output.kind === 'answer') answer = output.answer;
    }
    telemetry.finish('SUCCEEDED');
    return { events, answer, usage: telemetry.usage() };
  });
}
