import {
  createRedactionSession,
  findPlaceholders,
  redactPii,
  type RedactionResult,
} from '../../src/governance/pii.js';
import type { HistoryMessage } from '../../src/governance/token-budget.js';

/**
 * Redacts a new question of a thread. Placeholder numbers already used in the conversation
 * are reserved, so a new entity never reuses `[EMAIL_1]` of an earlier turn (the values behind
 * earlier placeholders are not kept anywhere, so the same value may get a new number).
 */
export function redactQuestion(
  question: string,
  history: readonly HistoryMessage[],
): RedactionResult {
  const session = createRedactionSession();
  for (const message of history) {
    for (const { type, ordinal } of findPlaceholders(message.content)) {
      session.reserve(type, ordinal);
    }
  }
  return redactPii(question, { session });
}

/** The history with one more turn, its oldest whole turns dropped beyond `maxMessages`. */
export function appendTurn(
  history: readonly HistoryMessage[],
  question: string,
  answer: string,
  maxMessages: number,
): HistoryMessage[] {
  const next: HistoryMessage[] = [
    ...history,
    { role: 'user', content: question },
    { role: 'assistant', content: answer },
  ];
  let start = 0;
  while (next.length - start > maxMessages) {
    start++;
    while (start < next.length && next[start]?.role !== 'user') start++;
  }
  return next.slice(start);
}

const SUMMARY_PART_CHARS = 160;

function firstSentence(text: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/u.exec(text.trim())?.[0] ?? text.trim();
  return sentence.length > SUMMARY_PART_CHARS
    ? `${sentence.slice(0, SUMMARY_PART_CHARS - 1)}…`
    : sentence;
}

/**
 * A short extractive summary of the conversation — each question with the first sentence of
 * its answer — which the token budget puts in place of turns it has to drop. No model call.
 */
export function summarizeHistory(history: readonly HistoryMessage[]): string | undefined {
  const lines = history.map(
    (message) =>
      `${message.role === 'user' ? 'Asked' : 'Answered'}: ${firstSentence(message.content)}`,
  );
  return lines.length === 0 ? undefined : lines.join('\n');
}
