import { findPlaceholders } from './placeholder.js';
import { redactPii, type RedactionResult } from './redact.js';
import { createRedactionSession } from './session.js';

/**
 * Redacts a new turn of a conversation. Placeholder numbers already used in `earlierTexts` (the
 * conversation's questions and answers) are reserved, so a new entity never reuses `[EMAIL_1]`
 * of an earlier turn. The values behind earlier placeholders are kept nowhere, so the same
 * value may get a new number.
 */
export function redactTurn(text: string, earlierTexts: readonly string[]): RedactionResult {
  const session = createRedactionSession();
  for (const earlier of earlierTexts) {
    for (const { type, ordinal } of findPlaceholders(earlier)) session.reserve(type, ordinal);
  }
  return redactPii(text, { session });
}
