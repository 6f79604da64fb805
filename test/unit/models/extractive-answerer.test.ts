import { describe, expect, it } from 'vitest';
import {
  CANNOT_ANSWER_TEXT,
  answerFromContext,
} from '../../../src/models/local/extractive-answerer.js';
import type { ContextChunk } from '../../../src/models/types.js';

const context: ContextChunk[] = [
  {
    id: 'doc-1#0',
    text:
      'Ballast routes every model call through a circuit breaker. The breaker opens after five ' +
      'consecutive failures. It probes again after a cool-down of thirty seconds.',
  },
  {
    id: 'doc-2#3',
    text: 'Embeddings are stored in pgvector. The local embedder uses 384 dimensions.',
  },
  { id: 'doc-3#1', text: 'Lunch is served at noon in the cafeteria on the second floor.' },
];

describe('answerFromContext', () => {
  it('answers with the best-supported sentences and cites their chunks', () => {
    const answer = answerFromContext('When does the circuit breaker open?', context);
    expect(answer.grounded).toBe(true);
    expect(answer.text).toContain('The breaker opens after five consecutive failures.');
    expect(answer.citations).toContain('doc-1#0');
    expect(answer.citations).not.toContain('doc-3#1');
  });

  it('uses only sentences that occur in the given chunks, at most three', () => {
    const answer = answerFromContext(
      'circuit breaker embeddings pgvector dimensions cool-down',
      context,
    );
    const allSentences = context.map((chunk) => chunk.text).join(' ');
    const used = answer.text.split(/(?<=\.)\s+/u);
    expect(used.length).toBeLessThanOrEqual(3);
    for (const sentence of used) expect(allSentences).toContain(sentence);
  });

  it('cites only given chunk ids, whatever the question', () => {
    const ids = new Set(context.map((chunk) => chunk.id));
    const questions = [
      'How many dimensions does the local embedder use?',
      'Where is lunch served?',
      'breaker probes cool-down seconds',
      'what stores embeddings',
      'failures',
    ];
    for (const question of questions) {
      const answer = answerFromContext(question, context);
      expect(answer.citations.length).toBeGreaterThan(0);
      for (const id of answer.citations) expect(ids.has(id)).toBe(true);
    }
  });

  it('matches word forms through the light stemmer', () => {
    const answer = answerFromContext('What is stored for embedding?', context);
    expect(answer.citations).toEqual(['doc-2#3']);
  });

  it('says plainly that it cannot answer without usable context', () => {
    for (const given of [[], [{ id: 'x', text: 'Completely unrelated words about gardening.' }]]) {
      const answer = answerFromContext('What is the retry policy for HTTP 429?', given);
      expect(answer).toEqual({ text: CANNOT_ANSWER_TEXT, citations: [], grounded: false });
    }
  });

  it('is deterministic', () => {
    const question = 'How does the breaker recover after opening?';
    expect(answerFromContext(question, context)).toEqual(answerFromContext(question, context));
  });
});
