import type { Usage } from './state.js';

/** `total` plus `more`; null while no provider reported any usage. */
export function addUsage(total: Usage | null, more: Usage | undefined): Usage | null {
  if (more === undefined) return total;
  if (total === null) return { inputTokens: more.inputTokens, outputTokens: more.outputTokens };
  return {
    inputTokens: total.inputTokens + more.inputTokens,
    outputTokens: total.outputTokens + more.outputTokens,
  };
}
