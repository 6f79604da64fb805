import { countTokens } from './count-tokens.js';

/** Tokens the chat format adds around each message's content (role and delimiters). */
export const MESSAGE_OVERHEAD_TOKENS = 3;

/** Tokens that prime the model's reply after the last message; counted with the question. */
export const REPLY_PRIMING_TOKENS = 3;

/** Tokens one chat message costs: its content plus {@link MESSAGE_OVERHEAD_TOKENS}. */
export function messageTokens(content: string): number {
  return countTokens(content) + MESSAGE_OVERHEAD_TOKENS;
}
