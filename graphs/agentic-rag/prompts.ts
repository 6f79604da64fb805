import { z } from 'zod';
import { renderContext } from '../../src/governance/token-budget.js';
import {
  answerSchema as modelAnswerSchema,
  type ChatMessage,
  type ModelCallOptions,
} from '../../src/models/index.js';
import type { StateChunk } from './state.js';

/** System prompt of `generate`: a JSON answer that cites the context by chunk id. */
export const ANSWER_SYSTEM_PROMPT = [
  'You answer questions using only the context passages you are given.',
  'Reply with one JSON object and nothing else, with exactly these fields:',
  '"answer": your answer in plain prose, without passage tags;',
  '"citations": the ids of the passages the answer relies on (the <id> of each [chunk:<id>] tag);',
  '"grounded": true when the passages support the answer.',
  'If the passages do not contain the answer, say so in "answer", with "grounded": false and',
  '"citations": []. Placeholders such as [EMAIL_1] stand for redacted values: keep them as they are.',
].join('\n');

/** The structured output `generate` asks for; the local model answers it as task `answer`. */
export const ANSWER_OUTPUT: NonNullable<ModelCallOptions['structured']> = {
  name: 'answer',
  jsonSchema: z.toJSONSchema(modelAnswerSchema, { io: 'output' }) as Record<string, unknown>,
  task: 'answer',
};

const GRADE_SYSTEM_PROMPT = [
  'You judge whether retrieved passages help answer a question.',
  'Reply with one JSON object and nothing else: {"relevant": boolean, "score": number from 0',
  'to 1, "relevantChunkIds": the ids of the passages that help (the <id> of [chunk:<id>])}.',
].join('\n');

const REWRITE_SYSTEM_PROMPT = [
  'The search query below found no passage that answers the question.',
  'Write a better search query: the key terms and likely synonyms, no filler words.',
  'Reply with one JSON object and nothing else: {"query": string}.',
].join('\n');

const asContext = (chunks: readonly StateChunk[]) =>
  chunks.map((chunk) => ({ id: chunk.chunkId, text: chunk.text }));

/** Messages of a `grade` call. */
export function gradeMessages(question: string, chunks: readonly StateChunk[]): ChatMessage[] {
  return [
    { role: 'system', content: GRADE_SYSTEM_PROMPT },
    { role: 'user', content: `${renderContext(asContext(chunks))}\n\nQuestion: ${question}` },
  ];
}

/** Messages of a `rewrite` call. */
export function rewriteMessages(question: string, query: string): ChatMessage[] {
  return [
    { role: 'system', content: REWRITE_SYSTEM_PROMPT },
    { role: 'user', content: `Question: ${question}\nSearch query: ${query}` },
  ];
}

/** The conversation of a corrective retry: the rejected reply and what was wrong with it. */
export function correctionMessages(
  messages: readonly ChatMessage[],
  correction: { reply: string; error: string },
): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: correction.reply },
    {
      role: 'user',
      content: `Your previous reply ${correction.error}. Reply again with only the corrected JSON object.`,
    },
  ];
}

/** The chunks as a chat request's `context` (what the local model reads). */
export function contextOf(chunks: readonly StateChunk[]) {
  return asContext(chunks);
}
