/**
 * Token counting and prompt assembly under a budget, for the graph's `generate` node and for
 * token-aware chunking at ingestion.
 */
export { assemblePrompt } from './token-budget/assemble-prompt.js';
export {
  CHUNK_ID_PATTERN,
  CONTEXT_HEADER,
  chunkTag,
  parseCitations,
  renderChunk,
  renderContext,
} from './token-budget/citations.js';
export { countTokens, truncateToTokens, warmTokenCounter } from './token-budget/count-tokens.js';
export {
  MESSAGE_OVERHEAD_TOKENS,
  REPLY_PRIMING_TOKENS,
  messageTokens,
} from './token-budget/message-tokens.js';
export { HISTORY_SUMMARY_PREFIX } from './token-budget/select-history.js';
export type * from './token-budget/types.js';
