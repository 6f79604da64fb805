import type { ChatMessage } from '../types.js';

/**
 * Adds `note` to the leading system message (or prepends one). Merging rather than adding a
 * second system message keeps chat templates that allow a single system turn working.
 */
export function withSystemNote(messages: readonly ChatMessage[], note: string): ChatMessage[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${note}` }, ...rest];
  return [{ role: 'system', content: note }, ...messages];
}
