import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  CANNOT_ANSWER_TEXT,
  DEFAULT_LOCAL_RESPONDERS,
  DEFAULT_MODELS_CONFIG,
  answerSchema,
  createModelRegistry,
  gradeSchema,
  rewriteSchema,
  type ChatRequest,
  type ModelAttempt,
  type ModelStreamEvent,
} from '../../../src/models/index.js';

const request: ChatRequest = {
  messages: [{ role: 'user', content: 'ignored by the local model' }],
  question: 'How many dimensions does the local embedder use?',
  context: [
    {
      id: 'a',
      text: 'The local embedder uses 384 dimensions. It hashes words and character n-grams.',
    },
    { id: 'b', text: 'Runs are stored in Postgres.' },
  ],
};

describe('the default (offline) registry', () => {
  const registry = createModelRegistry(DEFAULT_MODELS_CONFIG);
  const local = registry.chat.model('local');

  it('is a chain of the local model alone', () => {
    expect(registry.chat.ids).toEqual(['local']);
  });

  it('streams an extractive answer word by word', async () => {
    const events: ModelStreamEvent[] = [];
    const attempts: ModelAttempt[] = [];
    for await (const event of local.stream(request, { onAttempt: (a) => attempts.push(a) }))
      events.push(event);
    const tokens = events.flatMap((e) => (e.type === 'token' ? [e.text] : []));
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(done.text);
    expect(done.text).toContain('384 dimensions');
    expect(attempts).toMatchObject([{ model: 'local', outcome: 'ok' }]);
  });

  it('says it cannot answer when the context does not help', async () => {
    expect(await local.generate({ ...request, context: [] })).toBe(CANNOT_ANSWER_TEXT);
  });

  it('answers the graph tasks with schema-valid structured output', async () => {
    const grade = await local.generateStructured(gradeSchema, request, { task: 'grade' });
    expect(grade).toMatchObject({ relevant: true, relevantChunkIds: ['a'] });
    const rewrite = await local.generateStructured(rewriteSchema, request, { task: 'rewrite' });
    // The question's content words, expanded with words of the matching chunk only.
    expect(rewrite.query).toMatch(/^dimensions local embedder use .*\b384\b/);
    expect(rewrite.query).not.toMatch(/postgres|stored/);
    const answer = await local.generateStructured(answerSchema, request, { task: 'answer' });
    expect(answer).toMatchObject({ grounded: true, citations: ['a'] });
  });

  it('fails plainly when asked for structured output without a task', async () => {
    await expect(local.generateStructured(gradeSchema, request)).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: expect.objectContaining({ reason: 'UNSUPPORTED' }),
    });
  });

  it('reports a value that does not fit the caller schema as invalid output', async () => {
    const other = z.object({ verdict: z.enum(['yes', 'no']) });
    await expect(
      local.generateStructured(other, request, { task: 'grade', maxCorrections: 0 }),
    ).rejects.toMatchObject({
      code: 'INVALID_MODEL_OUTPUT',
    });
  });

  it('embeds locally with 384 dimensions and lists both models in status', async () => {
    const [vector] = await registry.embedding.embed(['hello world']);
    expect(vector).toHaveLength(384);
    expect(registry.status()).toEqual([
      expect.objectContaining({
        id: 'local',
        role: 'CHAT',
        provider: 'local',
        circuitState: 'CLOSED',
      }),
      expect.objectContaining({
        id: 'local',
        role: 'EMBEDDING',
        provider: 'local',
        calls: 1,
        failures: 0,
      }),
    ]);
  });
});

describe('local responders', () => {
  it('can be replaced per task', async () => {
    const registry = createModelRegistry(DEFAULT_MODELS_CONFIG, {
      localResponders: { ...DEFAULT_LOCAL_RESPONDERS, rewrite: () => ({ query: 'custom query' }) },
    });
    const value = await registry.chat
      .model('local')
      .generateStructured(rewriteSchema, request, { task: 'rewrite' });
    expect(value).toEqual({ query: 'custom query' });
  });

  it('grade nothing relevant when no chunk covers the question', () => {
    const grade = DEFAULT_LOCAL_RESPONDERS.grade({
      question: 'What is the refund policy?',
      context: request.context,
    });
    expect(grade).toEqual({ relevant: false, score: 0, relevantChunkIds: [] });
  });
});
