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
] as const;

/** One of {@link RUN_EVENT_TYPES}. */
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** Events after which a run emits nothing more. */
export const TERMINAL_EVENT_TYPES: ReadonlySet<RunEventType> = new Set([
  'RunCompleted',
  'RunFailed',
  'RunCancelled',
]);

/** An event before it has a place in the log. `payload` is JSON, never raw user text. */
export interface RunEventDraft {
  type: RunEventType;
  payload: Record<string, unknown>;
}

/** A logged run event: `seq` is strictly increasing per run, from 1. */
export interface RunEvent extends RunEventDraft {
  runId: string;
  seq: number;
  at: Date;
}
