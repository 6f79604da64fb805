import type { AgenticRagNodeName } from '../../graphs/agentic-rag/define-node.js';
import type { FallbackEvent } from '../../graphs/agentic-rag/events.js';
import type { ErrorCode } from '../errors.js';
import type { AnswerRecord } from './run-row.js';

/**
 * What each kind of run event carries, by its GraphQL `__typename`: one map from the graph's
 * events (see `agenticRagRunner`) through the log to the resolvers. Payloads are JSON, never
 * raw user text.
 */
export interface RunEventPayloads {
  RunStarted: Record<string, never>;
  /** The execution continues after a crash or a database outage: its `attempt`, from 1. */
  RunResumed: { attempt: number };
  /** A graph node starts: emitted before any other event of that node. */
  NodeStarted: { node: AgenticRagNodeName };
  /** A graph node finished and its state update was checkpointed. */
  NodeFinished: { node: string };
  /** A search ran with `query` and found these chunks, best first. */
  RetrievalDone: { query: string; chunkIds: string[] };
  /** More answer text. */
  TokenDelta: { text: string };
  /** A model call moved to another model (or retried on the same one): the graph's event. */
  ModelFallback: Omit<FallbackEvent, 'type'>;
  RunCompleted: { answer: AnswerRecord };
  RunFailed: { code: ErrorCode; message: string };
  RunCancelled: Record<string, never>;
}

/** Every kind of run event, as `__typename` of the GraphQL `RunEvent` interface. */
export const RUN_EVENT_TYPES = [
  'RunStarted',
  'RunResumed',
  'NodeStarted',
  'NodeFinished',
  'RetrievalDone',
  'TokenDelta',
  'ModelFallback',
  'RunCompleted',
  'RunFailed',
  'RunCancelled',
] as const satisfies readonly (keyof RunEventPayloads)[];

/** One of {@link RUN_EVENT_TYPES}. */
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** Events after which a run emits nothing more. */
export const TERMINAL_EVENT_TYPES: ReadonlySet<RunEventType> = new Set([
  'RunCompleted',
  'RunFailed',
  'RunCancelled',
]);

/** An event of kind `T` before it has a place in the log. */
export type RunEventDraftOf<T extends RunEventType> = {
  [K in T]: { type: K; payload: RunEventPayloads[K] };
}[T];

/** An event before it has a place in the log: a union discriminated by `type`. */
export type RunEventDraft = RunEventDraftOf<RunEventType>;

/** A logged run event of kind `T`: `seq` is strictly increasing per run, from 1. */
export type RunEventOf<T extends RunEventType> = RunEventDraftOf<T> & {
  runId: string;
  seq: number;
  at: Date;
};

/** A logged run event: a union discriminated by `type`. */
export type RunEvent = RunEventOf<RunEventType>;

/** The GraphQL mappers of the event types (see codegen.ts). */
export type RunStartedEvent = RunEventOf<'RunStarted'>;
export type RunResumedEvent = RunEventOf<'RunResumed'>;
export type NodeStartedEvent = RunEventOf<'NodeStarted'>;
export type NodeFinishedEvent = RunEventOf<'NodeFinished'>;
export type RetrievalDoneEvent = RunEventOf<'RetrievalDone'>;
export type TokenDeltaEvent = RunEventOf<'TokenDelta'>;
export type ModelFallbackEvent = RunEventOf<'ModelFallback'>;
export type RunCompletedEvent = RunEventOf<'RunCompleted'>;
export type RunFailedEvent = RunEventOf<'RunFailed'>;
export type RunCancelledEvent = RunEventOf<'RunCancelled'>;
