import { messageTokens } from './message-tokens.js';
import type { DroppedItem, HistoryMessage, PromptMessage } from './types.js';

/** Opens the system message that stands in for dropped turns. */
export const HISTORY_SUMMARY_PREFIX = 'Summary of the earlier conversation:\n';

/** The history part of a prompt. */
export interface HistorySelection {
  messages: PromptMessage[];
  tokens: number;
  dropped: DroppedItem[];
}

/** Index of the first message of each turn: a user message and the replies after it. */
function turnStarts(history: readonly HistoryMessage[]): number[] {
  return history.flatMap((message, index) =>
    index === 0 || message.role === 'user' ? [index] : [],
  );
}

/** Index of the oldest message kept when whole turns are kept newest first within `limit`. */
function oldestKept(starts: readonly number[], costs: readonly number[], limit: number): number {
  let kept = costs.length;
  let used = 0;
  for (const start of [...starts].reverse()) {
    const turnCost = costs.slice(start, kept).reduce((sum, cost) => sum + cost, 0);
    // Stop at the first turn that does not fit: skipping it for older ones would leave a gap.
    if (used + turnCost > limit) break;
    used += turnCost;
    kept = start;
  }
  return kept;
}

/**
 * The most recent whole turns of `history` that fit in `limit` tokens. When older turns are
 * dropped and a `summary` is given, a system message with it comes first, if it fits too.
 */
export function selectHistory(
  history: readonly HistoryMessage[],
  summary: string | undefined,
  limit: number,
): HistorySelection {
  const costs = history.map((message) => messageTokens(message.content));
  const starts = turnStarts(history);
  let from = oldestKept(starts, costs, limit);
  const messages: PromptMessage[] = [];
  const dropped: DroppedItem[] = [];
  let tokens = 0;

  if (from > 0 && summary !== undefined && summary !== '') {
    const content = HISTORY_SUMMARY_PREFIX + summary;
    const summaryTokens = messageTokens(content);
    if (summaryTokens <= limit) {
      from = oldestKept(starts, costs, limit - summaryTokens);
      messages.push({ role: 'system', content });
      tokens += summaryTokens;
    } else {
      dropped.push({
        section: 'history',
        id: 'summary',
        tokens: summaryTokens,
        reason: 'over_budget',
      });
    }
  }
  for (const [index, message] of history.entries()) {
    const cost = costs[index] ?? 0;
    if (index < from) {
      dropped.push({ section: 'history', id: String(index), tokens: cost, reason: 'over_budget' });
    } else {
      messages.push({ role: message.role, content: message.content });
      tokens += cost;
    }
  }
  return { messages, tokens, dropped };
}
