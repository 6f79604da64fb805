import { AppError } from '../errors.js';
import { createRedactionSession, redactPii, type PiiType } from '../governance/pii.js';
import { sourceKeyOf, type DocumentInput } from './ingest-input.js';
import { INGEST_BATCH_BYTES } from './limits.js';
import { cleanText, type DocumentFormat } from './text/clean-text.js';

/**
 * A submitted document after cleaning and redaction: the only form that is ever stored. A
 * document given by an uploaded file has format `file` and no text yet: the ingest worker reads,
 * cleans and redacts it (see `prepareFileText`).
 */
export interface PreparedDocument {
  title: string;
  sourceUri: string | null;
  sourceKey: string;
  format: DocumentFormat | 'file' | 'url';
  metadata: Record<string, unknown>;
  text: string;
  piiCounts: Partial<Record<PiiType, number>>;
  /** The uploaded file (uuid) to read, for format `file`; else null. */
  fileId: string | null;
  /** The URL to fetch, for format `url`; else null. */
  url: string | null;
  /** The file's size, for planning batches; undefined for text given inline. */
  bytes?: number;
}

/** A redaction session and the counts of what it replaced. */
function redactor() {
  const session = createRedactionSession();
  const counts: Partial<Record<PiiType, number>> = {};
  const redact = (value: string) => {
    const result = redactPii(value, { session });
    for (const [type, n] of Object.entries(result.counts) as [PiiType, number][]) {
      if (n > 0) counts[type] = (counts[type] ?? 0) + n;
    }
    return result.text;
  };
  return { redact, counts };
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
  const { redact, counts } = redactor();
  return {
    ...redactedIdentity(input, redact),
    format: cleaned.format,
    metadata: input.metadata ?? {},
    text: redact(cleaned.text),
    piiCounts: counts,
    fileId: null,
    url: null,
  };
}

/** A document's title and source URI, redacted, and the key that identifies it across ingests. */
function redactedIdentity(
  input: DocumentInput,
  redact: (value: string) => string,
): Pick<PreparedDocument, 'title' | 'sourceUri' | 'sourceKey'> {
  const title = redact(input.title);
  const sourceUri = input.sourceUri ? redact(input.sourceUri) : null;
  return { title, sourceUri, sourceKey: sourceKeyOf({ title, sourceUri }) };
}

/**
 * A document given by an uploaded file (`fileUuid`): its title and source URI are redacted
 * now; its content stays in the file until the ingest worker prepares it.
 */
export function prepareFileDocument(input: DocumentInput, fileUuid: string): PreparedDocument {
  return deferredDocument(input, { format: 'file', fileId: fileUuid, url: null });
}

/**
 * A document given by a URL: its title and source URI (the URL unless one is given) are
 * redacted now; the ingest worker fetches it and then prepares it like an uploaded file.
 */
export function prepareUrlDocument(input: DocumentInput, url: string): PreparedDocument {
  return deferredDocument(
    { ...input, sourceUri: input.sourceUri ?? url },
    // A batch of its own: its size is unknown until fetched, and a fetch may take its timeout.
    { format: 'url', fileId: null, url, bytes: INGEST_BATCH_BYTES },
  );
}

function deferredDocument(
  input: DocumentInput,
  source: Pick<PreparedDocument, 'format' | 'fileId' | 'url' | 'bytes'>,
): PreparedDocument {
  const { redact, counts } = redactor();
  return {
    ...redactedIdentity(input, redact),
    ...source,
    metadata: input.metadata ?? {},
    text: '',
    piiCounts: counts,
  };
}

/**
 * The text of a file in a readable format, cleaned and redacted (its own placeholder
 * numbering), as `prepareDocument` does for text given inline.
 * @throws {AppError} `BAD_USER_INPUT` when nothing is left after cleaning.
 */
export function prepareFileText(
  format: DocumentFormat,
  content: string,
): { text: string; piiCounts: Partial<Record<PiiType, number>> } {
  const cleaned = cleanText({ [format]: content });
  if (cleaned.text.trim() === '') {
    throw new AppError('BAD_USER_INPUT', 'the file has no text after cleaning');
  }
  const { redact, counts } = redactor();
  return { text: redact(cleaned.text), piiCounts: counts };
}

/**
 * The pages of a document with pages (a PDF), each cleaned and then redacted with one numbering
 * for the whole document, joined by blank lines; `pageStarts[n]` is where page n + 1 starts in
 * `text` (UTF-16 code units), so a chunk's offsets tell its pages.
 * @throws {AppError} `BAD_USER_INPUT` when no page has text (a scan without a text layer).
 */
export function prepareFilePages(pages: readonly string[]): {
  text: string;
  piiCounts: Partial<Record<PiiType, number>>;
  pageStarts: number[];
} {
  const { redact, counts } = redactor();
  const pageStarts: number[] = [];
  let empty = 0;
  let text = '';
  for (const page of pages) {
    const cleaned = cleanText({ text: page }).text.trim();
    if (cleaned === '') {
      empty++;
      continue;
    }
    if (text !== '') text += '\n\n';
    // An empty page starts where the next page with text does: it spans nothing.
    pageStarts.push(...new Array<number>(empty + 1).fill(text.length));
    empty = 0;
    text += redact(cleaned);
  }
  pageStarts.push(...new Array<number>(empty).fill(text.length));
  if (text.trim() === '') {
    throw new AppError(
      'BAD_USER_INPUT',
      'the file has no text after cleaning (a scanned PDF without a text layer?)',
    );
  }
  return { text, piiCounts: counts, pageStarts };
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
