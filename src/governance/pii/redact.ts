import { findPlaceholders } from './placeholder.js';
import { findReplacements } from './replacements.js';
import { createRedactionSession, type RedactionSession } from './session.js';
import { PII_TYPES, type PiiType } from './types.js';

/** Options of {@link redactPii}. */
export interface RedactOptions {
  /** Types to redact. Default: all of {@link PII_TYPES}. */
  types?: readonly PiiType[];
  /** Numbering shared with other texts of the same document or run. Default: a new session. */
  session?: RedactionSession;
}

/** What {@link redactPii} produced. */
export interface RedactionResult {
  /** The text with every entity replaced by its placeholder (`[EMAIL_1]`). */
  text: string;
  /** Replaced occurrences per type (every type present, zero when none). */
  counts: Record<PiiType, number>;
  /** Replaced occurrences in all. */
  matches: number;
}

/** A count of zero for every type. */
export function emptyCounts(): Record<PiiType, number> {
  return Object.fromEntries(PII_TYPES.map((type) => [type, 0])) as Record<PiiType, number>;
}

/**
 * Replaces each entity with a typed, numbered placeholder: `mail jane@example.com` →
 * `mail [EMAIL_1]`. The same value gets the same placeholder within a session; placeholders
 * already in the text are kept and their numbers are not reused. A placeholder can reveal an
 * entity next to it that detection passed over, such as the second of two glued addresses
 * (`a@example.comb%c@example.com`) or the loser of an overlap; those are replaced too, until
 * none is left, so the result holds nothing detectable and redacting twice changes nothing.
 * Later passes read only the text near the last pass's placeholders (see
 * {@link findReplacements}), so even a long chain of glued entities is redacted in linear time.
 */
export function redactPii(text: string, options: RedactOptions = {}): RedactionResult {
  const session = options.session ?? createRedactionSession();
  for (const { type, ordinal } of findPlaceholders(text)) session.reserve(type, ordinal);

  const replacements = findReplacements(text, options.types, ({ type, value }) =>
    session.placeholderFor(type, value),
  );
  const counts = emptyCounts();
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (const { type, start, end, placeholder } of replacements) {
    parts.push(text.slice(copiedUpTo, start), placeholder);
    counts[type]++;
    copiedUpTo = end;
  }
  parts.push(text.slice(copiedUpTo));
  return { text: parts.join(''), counts, matches: replacements.length };
}
