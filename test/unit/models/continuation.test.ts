import { describe, expect, it } from 'vitest';
import {
  CONTINUE_INSTRUCTION,
  OverlapTrimmer,
  continuationMessages,
} from '../../../src/models/router/continuation.js';

/** Feeds `tokens` through a trimmer and returns what it lets out. */
const trim = (prefix: string, tokens: string[]): string => {
  const trimmer = new OverlapTrimmer(prefix);
  return tokens.map((token) => trimmer.push(token)).join('') + trimmer.flush();
};
const words = (text: string): string[] => text.match(/\s*\S+\s*/gu) ?? [];

describe('continuationMessages', () => {
  it('puts the instruction in the system message and the partial answer last', () => {
    const messages = continuationMessages(
      [
        { role: 'system', content: 'Answer from the documents.' },
        { role: 'user', content: 'Why?' },
      ],
      'Because the',
    );
    expect(messages).toEqual([
      { role: 'system', content: `Answer from the documents.\n\n${CONTINUE_INSTRUCTION}` },
      { role: 'user', content: 'Why?' },
      { role: 'assistant', content: 'Because the' },
    ]);
  });

  it('adds a system message when there is none', () => {
    const messages = continuationMessages([{ role: 'user', content: 'Why?' }], 'Because');
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });
});

describe('OverlapTrimmer', () => {
  const prefix = 'The breaker opens after five consecutive failures. It probes again ';

  it('passes an exact continuation through unchanged', () => {
    expect(trim(prefix, words('after a cool-down of thirty seconds.'))).toBe(
      'after a cool-down of thirty seconds.',
    );
  });

  it('drops a repeated tail of the prefix', () => {
    expect(trim(prefix, words('It probes again after a cool-down.'))).toBe('after a cool-down.');
    expect(trim(prefix, words('consecutive failures. It probes again after thirty seconds.'))).toBe(
      'after thirty seconds.',
    );
  });

  it('drops a full restart of the answer', () => {
    expect(trim(prefix, words(`${prefix}after thirty seconds.`))).toBe('after thirty seconds.');
  });

  it('keeps short coincidental overlaps and partial words', () => {
    expect(trim('I saw a', words('and then left.'))).toBe('and then left.');
    expect(trim('The end of the ', words('then we went home.'))).toBe('then we went home.');
    expect(trim('We store vectors in pgvec', ['tor tables.'])).toBe('tor tables.');
  });

  it('holds back text only while it could still be a repeat', () => {
    const trimmer = new OverlapTrimmer(prefix);
    expect(trimmer.push('It ')).toBe('');
    expect(trimmer.push('probes ')).toBe('');
    expect(trimmer.push('later.')).toBe('It probes later.');
    expect(trimmer.push(' Done.')).toBe(' Done.');
  });

  it('emits nothing when the whole continuation is a repeat', () => {
    expect(trim(prefix, words('It probes again '))).toBe('');
  });
});
