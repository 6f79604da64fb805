import { describe, expect, it } from 'vitest';
import {
  applyRunEvent,
  initialProgress,
  isFinished,
  type RunEventData,
  type RunProgress,
} from '../../../examples/chat/src/run-progress.js';

const delta = (seq: number, text: string): RunEventData => ({
  __typename: 'TokenDelta',
  seq,
  text,
});
const apply = (events: RunEventData[], from: RunProgress = initialProgress('run_1')) =>
  events.reduce(applyRunEvent, from);

describe('the chat app rebuilding a run from its events', () => {
  it('joins deltas in seq order and ignores a replayed event', () => {
    const progress = apply([
      { __typename: 'RunStarted', seq: 1 },
      delta(2, 'Sixteen '),
      delta(3, 'weeks'),
      delta(3, 'weeks'),
      delta(2, 'Sixteen '),
    ]);
    expect(progress).toMatchObject({ seq: 3, text: 'Sixteen weeks', status: 'streaming' });
  });

  it('drops the text on a restarting fallback and on a resume, and keeps the fallback', () => {
    const progress = apply([
      delta(1, 'half an ans'),
      {
        __typename: 'ModelFallback',
        seq: 2,
        node: 'generate',
        fromModel: 'primary',
        toModel: 'local',
        reason: 'STREAM_CUT',
        restart: true,
      },
      delta(3, 'Sixteen'),
      { __typename: 'RunResumed', seq: 4, attempt: 2 },
      delta(5, 'Sixteen weeks'),
    ]);
    expect(progress.text).toBe('Sixteen weeks');
    expect(progress.fallbacks).toEqual([
      { seq: 2, fromModel: 'primary', toModel: 'local', reason: 'STREAM_CUT', restart: true },
    ]);
  });

  it('ends with the completed answer, a failure or a cancel', () => {
    const answer = {
      text: 'Sixteen weeks.',
      model: 'primary',
      fallbackPath: ['primary'],
      cached: false,
      citations: [],
    };
    const completed = apply([delta(1, 'Sixteen'), { __typename: 'RunCompleted', seq: 2, answer }]);
    expect(completed).toMatchObject({ status: 'completed', text: 'Sixteen weeks.', answer });
    const failed = apply([
      { __typename: 'RunFailed', seq: 1, code: 'MODEL_UNAVAILABLE', message: 'no model' },
    ]);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'MODEL_UNAVAILABLE' } });
    const cancelled = apply([{ __typename: 'RunCancelled', seq: 1 }]);
    expect([completed, failed, cancelled].map(isFinished)).toEqual([true, true, true]);
  });

  it('continues from where a reload left it (afterSeq)', () => {
    const before = apply([delta(1, 'Six'), delta(2, 'teen')]);
    const after = apply([delta(3, ' weeks')], before);
    expect(after).toMatchObject({ seq: 3, text: 'Sixteen weeks' });
  });
});
