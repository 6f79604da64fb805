import { describe, expect, it } from 'vitest';
import {
  JsonStringFieldReader,
  displayedAnswer,
} from '../../../../graphs/agentic-rag/answer-stream.js';

const readInPieces = (raw: string, size: number): string => {
  const reader = new JsonStringFieldReader();
  let out = '';
  for (let i = 0; i < raw.length; i += size) out += reader.push(raw.slice(i, i + size));
  return out;
};

describe('JsonStringFieldReader', () => {
  const value = 'Line one.\nHe said "yes" \\ then left, café 😀 \u00e9t\u00e9';
  const raw = JSON.stringify({ citations: ['a', 'b'], answer: value, grounded: true });

  it('decodes the field exactly, whatever the size of the pieces (escapes split included)', () => {
    for (const size of [1, 2, 3, 5, 7, 64, raw.length]) expect(readInPieces(raw, size)).toBe(value);
  });

  it('decodes \\u escapes, including surrogate pairs split across pieces', () => {
    const escaped = '{"answer": "\\u00e9t\\u00e9 \\ud83d\\ude00"}';
    expect(readInPieces(escaped, 1)).toBe(JSON.parse(escaped).answer);
  });

  it('reads only the top-level field, only its first occurrence, and ignores text around the object', () => {
    expect(displayedAnswer('```json\n{"meta": {"answer": "nested"}, "answer": "top"}\n```')).toBe(
      'top',
    );
    expect(displayedAnswer('{"answer": "first", "answer": "second"}')).toBe('first');
    expect(displayedAnswer('"answer": "loose" {"other": "x"}')).toBe('');
  });

  it('returns what has arrived of an unfinished answer', () => {
    expect(displayedAnswer('{"answer": "this JSON never ends')).toBe('this JSON never ends');
    expect(displayedAnswer('{"citations": ["k1"], "answ')).toBe('');
  });
});
