import { z } from 'zod';

/**
 * Every kind of entity the redactor knows, most specific first: when two candidates of the
 * same length overlap, the one earlier in this list wins. The GraphQL enum `PiiType`
 * (`PiiCount.type`) mirrors it; a test keeps them equal.
 */
export const PII_TYPES = [
  'PRIVATE_KEY',
  'API_KEY',
  'SECRET',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'EMAIL',
  'IP_ADDRESS',
  'PHONE',
] as const;

/** One of {@link PII_TYPES}. */
export type PiiType = (typeof PII_TYPES)[number];

/** Accepts exactly the {@link PII_TYPES}. */
export const piiTypeSchema = z.enum(PII_TYPES);

/** A half-open range `[start, end)` of UTF-16 code units in the scanned text. */
export interface Span {
  start: number;
  end: number;
}

/** One detected entity: its type, where it is, and the exact text it covers. */
export interface PiiMatch extends Span {
  type: PiiType;
  value: string;
}

/**
 * Finds one type of entity. `find` makes one left-to-right pass per pattern and yields
 * validated spans; their order and overlaps (within and across detectors) are resolved later.
 */
export interface PiiDetector {
  readonly type: PiiType;
  find(text: string): Iterable<Span>;
}
