import { PII_TYPES, type PiiType } from './types.js';

/** The placeholder that replaces the `ordinal`-th distinct entity of a type: `[EMAIL_1]`. */
export function formatPlaceholder(type: PiiType, ordinal: number): string {
  return `[${type}_${ordinal}]`;
}

// Every placeholder formatPlaceholder can produce; group 1 is the type, group 2 the ordinal.
const PLACEHOLDER_PATTERN = new RegExp(String.raw`\[(${PII_TYPES.join('|')})_(\d{1,9})\]`, 'g');

/** One placeholder found in a text. */
export interface PlaceholderSpan {
  start: number;
  end: number;
  type: PiiType;
  ordinal: number;
}

/** Every placeholder in `text`, in order. */
export function findPlaceholders(text: string): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      type: match[1] as PiiType,
      ordinal: Number(match[2]),
    });
  }
  return found;
}
