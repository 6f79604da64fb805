import type { AnswerRecord } from './run-row.js';
import type { RunEventDraft } from './run-event.js';

/** What a run asks of the graph. */
export interface GraphRunInput {
  runId: string;
  threadId: string;
  workspaceId: string;
  collectionId: string;
  /** Already redacted. */
  question: string;
  /** Continue an interrupted execution from the thread's last checkpoint instead of starting. */
  resume: boolean;
  /** Start from this earlier checkpoint of the thread (fork); null for the latest. */
  fromCheckpointId: string | null;
}

/** What the graph reports while it runs: progress events, then exactly one answer. */
export type GraphRunOutput =
  | { kind: 'event'; event: RunEventDraft }
  | { kind: 'token'; text: string; model: string }
  | { kind: 'answer'; answer: AnswerRecord };

/**
 * Executes the agentic-RAG graph for one run. The runs service owns everything around it
 * (claiming, event log, cancellation, status); the graph owns the answer. Aborting `signal`
 * must abort any model request in flight.
 */
export interface GraphRunner {
  run(input: GraphRunInput, signal: AbortSignal): AsyncIterable<GraphRunOutput>;
}
