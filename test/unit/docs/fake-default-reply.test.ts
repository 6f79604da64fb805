import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { judgeReply } from '../../../graphs/agentic-rag/judge-reply.js';
import {
  ANSWER_OUTPUT,
  ANSWER_SYSTEM_PROMPT,
  gradeMessages,
  rewriteMessages,
} from '../../../graphs/agentic-rag/prompts.js';
import { assemblePrompt } from '../../../src/governance/token-budget.js';
import { parseModelsConfig } from '../../../src/models/config.js';
import type { RemoteChatEntry } from '../../../src/models/config-schema.js';
import { gradeSchema, rewriteSchema } from '../../../src/models/index.js';
import { OpenAiChatProvider } from '../../../src/models/providers/openai-chat.js';
import type { StructuredSpec } from '../../../src/models/providers/chat-provider.js';
import { continuationMessages } from '../../../src/models/router/continuation.js';
import { structuredSpecOf } from '../../../src/models/structured/json-output.js';
import type { ChatMessage } from '../../../src/models/types.js';
import { DEFAULT_REPLY } from '../../fake-llm/behaviours.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';

/**
 * docs/models.md, "Its default reply": an unscripted fake answers every request Ballast's graph
 * makes with a reply the graph accepts. The requests are the graph's own (its prompt builders,
 * its schemas) sent by the real OpenAI-compatible provider; the replies are judged by the
 * graph's own validators.
 */
const CHUNKS = [
  {
    chunkId: '0f6f3e0a-5b1e-4c41-9f7e-2a1c3b4d5e6f',
    documentId: '9d9d9d9d-0000-4000-8000-000000000001',
    text: 'Parental leave is sixteen weeks at full pay.',
    score: 0.9,
  },
  {
    chunkId: '1a2b3c4d-0000-4000-8000-000000000002',
    documentId: '9d9d9d9d-0000-4000-8000-000000000001',
    text: 'Annual leave is twenty-five days.\n\nIt can be carried over.',
    score: 0.5,
  },
];
const QUESTION = 'How long is parental leave?';
const BUDGET = { maxInputTokens: 8000, answerReserve: 500 };

describe('the fake model server’s default reply', () => {
  let fake: FakeLlmServer;
  let provider: OpenAiChatProvider;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    const parsed = parseModelsConfig(
      {
        chat: [{ id: 'fake', baseURL: fake.url, model: 'unscripted' }],
        embedding: { id: 'local', provider: 'local' },
      },
      {},
    );
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    provider = new OpenAiChatProvider(parsed.config.chat[0] as RemoteChatEntry);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  /** The reply to one request, as the provider streams it, and how many text chunks it took. */
  async function reply(
    messages: ChatMessage[],
    structured?: StructuredSpec,
  ): Promise<{ text: string; chunks: number }> {
    let text = '';
    let chunks = 0;
    const request = { messages, question: QUESTION, context: [] };
    const options = { signal: AbortSignal.timeout(10_000), ...(structured ? { structured } : {}) };
    for await (const chunk of provider.stream(request, options)) {
      if (chunk.type !== 'text') continue;
      text += chunk.text;
      chunks++;
    }
    return { text, chunks };
  }

  const answerPrompt = (chunks: typeof CHUNKS, question = QUESTION) =>
    assemblePrompt(
      {
        system: ANSWER_SYSTEM_PROMPT,
        history: [],
        context: chunks.map((c) => ({ id: c.chunkId, text: c.text, score: c.score })),
        question,
      },
      BUDGET,
    );

  it('grades every passage of the prompt relevant', async () => {
    const { text } = await reply(
      gradeMessages(QUESTION, CHUNKS),
      structuredSpecOf(gradeSchema, { task: 'grade' }),
    );
    expect(gradeSchema.parse(JSON.parse(text))).toEqual({
      relevant: true,
      score: 0.9,
      relevantChunkIds: CHUNKS.map((c) => c.chunkId),
    });
  });

  it('rewrites the query from the question’s words', async () => {
    const { text } = await reply(
      rewriteMessages(QUESTION, 'leave'),
      structuredSpecOf(rewriteSchema, { task: 'rewrite' }),
    );
    expect(rewriteSchema.parse(JSON.parse(text))).toEqual({ query: 'long parental leave' });
  });

  it('streams a grounded answer citing the passages in the prompt, word by word', async () => {
    const prompt = answerPrompt(CHUNKS);
    const { text, chunks } = await reply(prompt.messages, ANSWER_OUTPUT);
    const verdict = judgeReply(text, prompt.contextIds);
    expect(verdict).toMatchObject({
      ok: true,
      answer: { citations: prompt.contextIds, grounded: true },
    });
    expect(prompt.contextIds).toEqual(CHUNKS.map((c) => c.chunkId));
    expect(verdict.ok && verdict.answer.answer).toContain('Parental leave is sixteen weeks');
    expect(chunks).toBeGreaterThan(5);
  });

  it('with no passage, answers ungrounded without citations, which the graph accepts', async () => {
    const prompt = answerPrompt([]);
    const { text } = await reply(prompt.messages, ANSWER_OUTPUT);
    expect(judgeReply(text, prompt.contextIds)).toMatchObject({
      ok: true,
      answer: { citations: [], grounded: false },
    });
  });

  it('cites nothing a question quotes: only the context message’s tags count', async () => {
    const prompt = answerPrompt(CHUNKS.slice(0, 1), 'What does\n[chunk:made-up]\nsay?');
    const { text } = await reply(prompt.messages, ANSWER_OUTPUT);
    expect(judgeReply(text, prompt.contextIds)).toMatchObject({
      ok: true,
      answer: { citations: [CHUNKS[0]!.chunkId] },
    });
  });

  it('continues its own answer after a cut, so the parts join into a valid reply', async () => {
    const prompt = answerPrompt(CHUNKS);
    const { text: full } = await reply(prompt.messages, ANSWER_OUTPUT);
    const partial = full.slice(0, 40);
    const { text: rest } = await reply(
      continuationMessages(prompt.messages, partial),
      ANSWER_OUTPUT,
    );
    expect(partial + rest).toBe(full);
  });

  it('answers JSON mode without a schema with the fields of every step', async () => {
    const prompt = answerPrompt(CHUNKS);
    const { text } = await reply(prompt.messages, { name: 'answer' });
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(value)[0]).toBe('answer');
    expect(gradeSchema.safeParse(value).success).toBe(true);
    expect(rewriteSchema.safeParse(value).success).toBe(true);
    expect(judgeReply(text, prompt.contextIds).ok).toBe(true);
  });

  it('fills in a schema it does not know with its plainest valid value', async () => {
    const { text } = await reply([{ role: 'user', content: 'Classify this.' }], {
      name: 'other',
      jsonSchema: {
        type: 'object',
        properties: {
          label: { type: 'string', enum: ['a', 'b'] },
          note: { type: 'string', minLength: 8 },
          count: { type: 'integer', minimum: 3 },
          tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
          nested: { type: 'object', properties: { ok: { type: 'boolean' } } },
          maybe: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        },
      },
    });
    expect(JSON.parse(text)).toEqual({
      label: 'a',
      note: 'fake....',
      count: 3,
      tags: ['fake'],
      nested: { ok: true },
      maybe: 0,
    });
  });

  it('keeps plain text and scripted replies; a script with faults only keeps the default', async () => {
    expect((await reply([{ role: 'user', content: 'hello' }])).text).toBe(DEFAULT_REPLY);
    fake.script('unscripted', { reply: 'Scripted.' });
    expect((await reply(gradeMessages(QUESTION, CHUNKS), ANSWER_OUTPUT)).text).toBe('Scripted.');
    fake.script('unscripted', { tokenDelayMs: 1 });
    const prompt = answerPrompt(CHUNKS);
    const { text } = await reply(prompt.messages, ANSWER_OUTPUT);
    expect(judgeReply(text, prompt.contextIds).ok).toBe(true);
  });
});
