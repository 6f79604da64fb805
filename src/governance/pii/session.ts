import { formatPlaceholder } from './placeholder.js';
import type { PiiType } from './types.js';

/**
 * Numbers entities across the texts of one document or one run, so the same value gets the
 * same placeholder everywhere in it. Holds every distinct value it has seen: keep one per
 * document or run, not per process.
 */
export interface RedactionSession {
  /** The placeholder of `value` as a `type` entity, numbering it when first seen. */
  placeholderFor(type: PiiType, value: string): string;
  /** Marks ordinals up to `ordinal` of `type` as taken (by placeholders already in a text). */
  reserve(type: PiiType, ordinal: number): void;
}

// Two spellings of one value (`4111 1111 1111 1111` and `4111-1111-1111-1111`,
// `Jane@Example.com` and `jane@example.com`) are one entity.
function canonical(type: PiiType, value: string): string {
  switch (type) {
    case 'CREDIT_CARD':
    case 'US_SSN':
      return value.replace(/\D/g, '');
    case 'PHONE':
      return value.replace(/[^\d+]/g, '');
    case 'IBAN':
      return value.replaceAll(' ', '').toUpperCase();
    case 'EMAIL':
    case 'IP_ADDRESS':
      return value.toLowerCase();
    default:
      return value;
  }
}

/** A new, empty {@link RedactionSession}: numbering starts at 1 for every type. */
export function createRedactionSession(): RedactionSession {
  const placeholders = new Map<string, string>();
  const lastOrdinal = new Map<PiiType, number>();
  return {
    placeholderFor(type, value) {
      const key = `${type}\u0000${canonical(type, value)}`;
      let placeholder = placeholders.get(key);
      if (placeholder === undefined) {
        const ordinal = (lastOrdinal.get(type) ?? 0) + 1;
        lastOrdinal.set(type, ordinal);
        placeholder = formatPlaceholder(type, ordinal);
        placeholders.set(key, placeholder);
      }
      return placeholder;
    },
    reserve(type, ordinal) {
      lastOrdinal.set(type, Math.max(lastOrdinal.get(type) ?? 0, ordinal));
    },
  };
}
