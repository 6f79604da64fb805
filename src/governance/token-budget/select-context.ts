import { countTokens } from './count-tokens.js';
import { CONTEXT_HEADER, renderChunk, renderContext } from './citations.js';
import { messageTokens } from './message-tokens.js';
import type { ContextChunk, DroppedItem, PromptMessage } from './types.js';

/** The context part of a prompt. */
export interface ContextSelection {
  message: PromptMessage | null;
  tokens: number;
  ids: string[];
  dropped: DroppedItem[];
}

/**
 * Whole chunks, best first, that fit in `limit` tokens as one user message (see
 * `renderContext`). A chunk that does not fit is skipped and later, smaller ones still tried.
 */
export function selectContext(chunks: readonly ContextChunk[], limit: number): ContextSelection {
  const separatorTokens = countTokens('\n\n');
  const costs = chunks.map((chunk) => separatorTokens + countTokens(renderChunk(chunk)));
  const kept: { index: number; chunk: ContextChunk }[] = [];
  let used = messageTokens(CONTEXT_HEADER);
  for (const [index, chunk] of chunks.entries()) {
    const cost = costs[index] ?? 0;
    if (used + cost > limit) continue;
    kept.push({ index, chunk });
    used += cost;
  }

  const render = (): string => renderContext(kept.map((entry) => entry.chunk));
  let content = render();
  let tokens = messageTokens(content);
  // The sum of parts is exact when no pre-token spans two blocks; the real count decides, so
  // a surprise merge can cost the last chunk, never the budget.
  while (tokens > limit && kept.length > 0) {
    kept.pop();
    content = render();
    tokens = messageTokens(content);
  }

  const keptIndexes = new Set(kept.map((entry) => entry.index));
  const dropped = chunks.flatMap((chunk, index): DroppedItem[] =>
    keptIndexes.has(index)
      ? []
      : [{ section: 'context', id: chunk.id, tokens: costs[index] ?? 0, reason: 'over_budget' }],
  );
  if (kept.length === 0) return { message: null, tokens: 0, ids: [], dropped };
  return {
    message: { role: 'user', content },
    tokens,
    ids: kept.map((entry) => entry.chunk.id),
    dropped,
  };
}
