import { AppError } from '../errors.js';
import { createRedactionSession, redactPii, type PiiType } from '../governance/pii.js';
import { sourceKeyOf, type DocumentInput } from './ingest-input.js';
import { cleanText } from './text/clean-text.js';

/** A submitted document after cleaning and redaction: the only form that is ever stored. */
export interface PreparedDocument {
  title: string;
  sourceUri: string | null;
  sourceKey: string;
  format: 'text' | 'html' | 'markdown';
  metadata: Record<string, unknown>;
  text: string;
  piiCounts: Partial<Record<PiiType, number>>;
}

/**
 * Cleans a document (HTML and Markdown to text, whitespace, control characters) and
 * redacts PII from its title, source URI and text with one numbering, before anything
 * is stored or embedded.
 * @throws {AppError} `BAD_USER_INPUT` when nothing is left after cleaning.
 */
export function prepareDocument(input: DocumentInput, index: number): PreparedDocument {
  const cleaned = cleanText({
    text: input.text ?? undefined,
    html: input.html ?? undefined,
    markdown: input.markdown ?? undefined,
  });
  if (cleaned.text.trim() === '') {
    throw new AppError('BAD_USER_INPUT', 'the document has no text after cleaning', {
      details: { field: `documents.${index}` },
    });
  }
  const session = createRedactionSession();
  const counts: Partial<Record<PiiType, number>> = {};
  const redact = (value: string) => {
    const result = redactPii(value, { session });
    for (const [type, n] of Object.entries(result.counts) as [PiiType, number][]) {
      if (n > 0) counts[type] = (counts[type] ?? 0) + n;
    }
    return result.text;
  };
  const title = redact(input.title);
  const sourceUri = input.sourceUri ? redact(input.sourceUri) : null;
  return {
    title,
    sourceUri,
    sourceKey: sourceKeyOf({ title, sourceUri }),
    format: cleaned.format,
    metadata: input.metadata ?? {},
    text: redact(cleaned.text),
    piiCounts: counts,
  };
}

/** Adds per-type counts into `total`. */
export function addCounts(
  total: Partial<Record<PiiType, number>>,
  more: Partial<Record<PiiType, number>>,
): Partial<Record<PiiType, number>> {
  for (const [type, n] of Object.entries(more) as [PiiType, number][]) {
    total[type] = (total[type] ?? 0) + n;
  }
  return total;
}
