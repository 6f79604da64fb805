import type { ConversationMessage } from './state-schemas.js';

/**
 * The history with one more turn: the run's question and answer, each tagged with the run.
 * The whole conversation is kept (it is what `Thread.messages` shows); prompts take its
 * {@link recentTurns}.
 */
export function appendTurn(
  history: readonly ConversationMessage[],
  turn: { runId?: string | undefined; question: string; answer: string },
): ConversationMessage[] {
  const tag = turn.runId === undefined ? {} : { runId: turn.runId };
  return [
    ...history,
    { role: 'user', content: turn.question, ...tag },
    { role: 'assistant', content: turn.answer, ...tag },
  ];
}

/** The last whole turns of `history`, at most `maxMessages` messages. */
export function recentTurns(
  history: readonly ConversationMessage[],
  maxMessages: number,
): readonly ConversationMessage[] {
  let start = 0;
  while (history.length - start > maxMessages) {
    start++;
    while (start < history.length && history[start]?.role !== 'user') start++;
  }
  return start === 0 ? history : history.slice(start);
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
export function summarizeHistory(history: readonly ConversationMessage[]): string | undefined {
  const lines = history.map(
    (message) =>
      `${message.role === 'user' ? 'Asked' : 'Answered'}: ${firstSentence(message.content)}`,
  );
  return lines.length === 0 ? undefined : lines.join('\n');
}
