import {
  answerSchema as modelAnswerSchema,
  type StructuredAnswer,
} from '../../src/models/index.js';
import { displayedAnswer } from './answer-stream.js';
import type { FallbackReason } from './fallback-reasons.js';

/** Why a reply was rejected: not the JSON asked for, or not grounded in the context. */
export type RejectReason = Extract<FallbackReason, 'INVALID_OUTPUT' | 'UNGROUNDED'>;

/** The verdict on a reply; `error` completes "Your previous reply …" in a correction. */
export type Verdict =
  { ok: true; answer: StructuredAnswer } | { ok: false; reason: RejectReason; error: string };

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/u.exec(raw);
  try {
    return { ok: true, value: JSON.parse(fenced?.[1] ?? raw) };
  } catch (error) {
    return { ok: false, error: `is not valid JSON (${(error as Error).message})` };
  }
}

/**
 * Judges a raw `generate` reply: valid JSON of the answer schema, an answer equal to the text
 * that was streamed, every citation among `contextIds` (the chunks in the prompt), and a
 * grounded answer citing at least one of them. Citations are de-duplicated, in order.
 */
export function judgeReply(raw: string, contextIds: readonly string[]): Verdict {
  const json = parseJson(raw);
  if (!json.ok) return { ok: false, reason: 'INVALID_OUTPUT', error: json.error };
  const parsed = modelAnswerSchema.safeParse(json.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    const error = `does not match the schema (${issues.join('; ')})`;
    return { ok: false, reason: 'INVALID_OUTPUT', error };
  }
  const answer = { ...parsed.data, citations: [...new Set(parsed.data.citations)] };
  if (displayedAnswer(raw) !== answer.answer) {
    return { ok: false, reason: 'INVALID_OUTPUT', error: 'has more than one "answer" field' };
  }
  const known = new Set(contextIds);
  const unknown = answer.citations.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    // Quoted back to the model: a few, cut short, whatever it made up.
    const shown = unknown.slice(0, 5).map((id) => id.slice(0, 64));
    const error = `cites chunks that are not in the context (${shown.join(', ')})`;
    return { ok: false, reason: 'UNGROUNDED', error };
  }
  if (answer.grounded && answer.citations.length === 0) {
    return { ok: false, reason: 'UNGROUNDED', error: 'says it is grounded but cites no chunk' };
  }
  return { ok: true, answer };
}
