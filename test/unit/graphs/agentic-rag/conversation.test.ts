import { describe, expect, it } from 'vitest';
import {
  appendTurn,
  recentTurns,
  summarizeHistory,
} from '../../../../graphs/agentic-rag/conversation.js';

describe('conversation helpers', () => {
  it('appends a turn tagged with its run and keeps the whole conversation', () => {
    let history = appendTurn([], { runId: 'r1', question: 'q1', answer: 'a1' });
    history = appendTurn(history, { runId: 'r2', question: 'q2', answer: 'a2' });
    history = appendTurn(history, { question: 'q3', answer: 'a3' });
    expect(history).toEqual([
      { role: 'user', content: 'q1', runId: 'r1' },
      { role: 'assistant', content: 'a1', runId: 'r1' },
      { role: 'user', content: 'q2', runId: 'r2' },
      { role: 'assistant', content: 'a2', runId: 'r2' },
      { role: 'user', content: 'q3' },
      { role: 'assistant', content: 'a3' },
    ]);
  });

  it('recent turns: the last whole turns within the limit', () => {
    const history = ['q1', 'q2', 'q3'].reduce(
      (h, q) => appendTurn(h, { question: q, answer: `a${q.slice(1)}` }),
      [] as ReturnType<typeof appendTurn>,
    );
    expect(recentTurns(history, 4).map((m) => m.content)).toEqual(['q2', 'a2', 'q3', 'a3']);
    expect(recentTurns(history, 3).map((m) => m.content)).toEqual(['q3', 'a3']);
    expect(recentTurns(history, 6)).toBe(history);
  });

  it('summarises each message by its first sentence, without a model', () => {
    const summary = summarizeHistory([
      { role: 'user', content: 'How long is leave?' },
      { role: 'assistant', content: 'Twenty-five days. Ask your manager first.' },
    ]);
    expect(summary).toBe('Asked: How long is leave?\nAnswered: Twenty-five days.');
    expect(summarizeHistory([])).toBeUndefined();
  });
});
