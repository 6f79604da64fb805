import {
  streamAgenticRag,
  type AgenticRagAnswer,
  type AgenticRagEvent,
  type AgenticRagGraph,
  type AgenticRagRunRequest,
} from '../../../../graphs/agentic-rag/index.js';
import {
  UsageMeter,
  withRunScope,
  type RunUsageRecord,
} from '../../../../src/telemetry/run-usage.js';

/** Everything one run streamed. */
export interface RunRecord {
  events: AgenticRagEvent[];
  /** Node names in the order their updates arrived. */
  nodes: string[];
  updates: { node: string; update: Record<string, unknown> }[];
  /** The last answer any update carried. */
  answer: AgenticRagAnswer | undefined;
  /** What a client shows: token texts concatenated, emptied at every `restart: true`. */
  shown: string;
  /** What the run's usage meter counted: every model call of the run. */
  usage: RunUsageRecord | null;
}

/**
 * Drains {@link streamAgenticRag} inside a run scope with its own usage meter, as the runs
 * service runs the graph.
 */
export function runToEnd(
  graph: AgenticRagGraph,
  request: AgenticRagRunRequest,
): Promise<RunRecord> {
  const meter = new UsageMeter();
  const scope = { runId: `run-${request.threadId}`, threadId: request.threadId, usage: meter };
  return withRunScope(scope, async () => {
    const record = await drain(graph, request);
    return { ...record, usage: meter.summary() };
  });
}

async function drain(
  graph: AgenticRagGraph,
  request: AgenticRagRunRequest,
): Promise<Omit<RunRecord, 'usage'>> {
  const record: Omit<RunRecord, 'usage'> = {
    events: [],
    nodes: [],
    updates: [],
    answer: undefined,
    shown: '',
  };
  for await (const chunk of streamAgenticRag(graph, request)) {
    if (chunk.kind === 'event') {
      record.events.push(chunk.event);
      if (chunk.event.type === 'token') record.shown += chunk.event.text;
      if (chunk.event.type === 'fallback' && chunk.event.restart) record.shown = '';
      continue;
    }
    record.nodes.push(chunk.node);
    record.updates.push(chunk);
    const answer = chunk.update['answer'] as AgenticRagAnswer | null | undefined;
    if (answer) record.answer = answer;
  }
  return record;
}

/** The events of one type. */
export function eventsOf<T extends AgenticRagEvent['type']>(
  record: RunRecord,
  type: T,
): Extract<AgenticRagEvent, { type: T }>[] {
  return record.events.filter(
    (event): event is Extract<AgenticRagEvent, { type: T }> => event.type === type,
  );
}
