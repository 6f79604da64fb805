import type { RunEventsSubscription } from './gql/graphql.js';

/** One event of `runEvents`, as the app selects it. */
export type RunEventData = RunEventsSubscription['runEvents'];

/** The final answer, as RunCompleted carries it. */
export type FinalAnswer = Extract<RunEventData, { __typename: 'RunCompleted' }>['answer'];

/** A model fallback, to announce. */
export interface FallbackNote {
  seq: number;
  fromModel: string;
  toModel: string;
  reason: string;
  restart: boolean;
}

/** Where a followed run is, rebuilt from its events. */
export interface RunProgress {
  runId: string;
  /** Seq of the last event applied: re-join with it as `afterSeq`. 0 before any. */
  seq: number;
  /** The answer text streamed so far (the final text once completed). */
  text: string;
  status: 'streaming' | 'completed' | 'failed' | 'cancelled';
  fallbacks: FallbackNote[];
  /** Set by RunCompleted. */
  answer: FinalAnswer | null;
  /** Set by RunFailed. */
  error: { code: string; message: string } | null;
}

/** A run followed from its start. */
export function initialProgress(runId: string): RunProgress {
  return {
    runId,
    seq: 0,
    text: '',
    status: 'streaming',
    fallbacks: [],
    answer: null,
    error: null,
  };
}

/** True once the run's last event (RunCompleted, RunFailed, RunCancelled) was applied. */
export function isFinished(progress: RunProgress): boolean {
  return progress.status !== 'streaming';
}

/**
 * Applies one event. An event at or before `progress.seq` is ignored (a re-subscription after
 * a reconnect replays from where it began), so applying a stream twice changes nothing.
 */
export function applyRunEvent(progress: RunProgress, event: RunEventData): RunProgress {
  if (event.seq <= progress.seq) return progress;
  const next = { ...progress, seq: event.seq };
  switch (event.__typename) {
    case 'TokenDelta':
      return { ...next, text: next.text + event.text };
    case 'RunResumed':
      // The run continues from a checkpoint: the text streamed before is discarded.
      return { ...next, text: '' };
    case 'ModelFallback': {
      const note: FallbackNote = {
        seq: event.seq,
        fromModel: event.fromModel,
        toModel: event.toModel,
        reason: event.reason,
        restart: event.restart,
      };
      return {
        ...next,
        text: event.restart ? '' : next.text,
        fallbacks: [...next.fallbacks, note],
      };
    }
    case 'RunCompleted':
      return { ...next, status: 'completed', text: event.answer.text, answer: event.answer };
    case 'RunFailed':
      return { ...next, status: 'failed', error: { code: event.code, message: event.message } };
    case 'RunCancelled':
      return { ...next, status: 'cancelled' };
    default:
      return next;
  }
}
