import { describe, expect, it } from 'vitest';
import {
  appendTurn,
  redactQuestion,
  summarizeHistory,
} from '../../../../graphs/agentic-rag/conversation.js';

describe('conversation helpers', () => {
  it('redacts a question without reusing placeholder numbers of earlier turns', () => {
    const history = [
      { role: 'user' as const, content: 'Write to [EMAIL_1] and [EMAIL_2]' },
      { role: 'assistant' as const, content: 'Done.' },
    ];
    const redacted = redactQuestion('And to bob@example.com?', history);
    expect(redacted.text).toBe('And to [EMAIL_3]?');
    expect(redacted.matches).toBe(1);
  });

  it('redacting an already redacted question changes nothing', () => {
    expect(redactQuestion('Mail [EMAIL_1] please', []).text).toBe('Mail [EMAIL_1] please');
  });

  it('appends a turn and drops the oldest whole turns beyond the limit', () => {
    let history = appendTurn([], 'q1', 'a1', 4);
    history = appendTurn(history, 'q2', 'a2', 4);
    history = appendTurn(history, 'q3', 'a3', 4);
    expect(history.map((m) => m.content)).toEqual(['q2', 'a2', 'q3', 'a3']);
    expect(appendTurn(history, 'q4', 'a4', 3).map((m) => m.content)).toEqual(['q4', 'a4']);
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
