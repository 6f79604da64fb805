import { z } from 'zod';
import { AppError } from '../errors.js';
import { INGEST_LIMITS } from './limits.js';

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const documentInput = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(INGEST_LIMITS.maxTitleLength),
    text: z.string().nullish(),
    html: z.string().nullish(),
    markdown: z.string().nullish(),
    fileId: z.string().nullish(),
    url: z
      .string()
      .max(INGEST_LIMITS.maxSourceUriLength)
      .refine(isHttpUrl, 'url must be an absolute http or https URL')
      .nullish(),
    sourceUri: z.string().trim().min(1).max(INGEST_LIMITS.maxSourceUriLength).nullish(),
    metadata: z
      .record(z.string(), z.json())
      .nullish()
      .refine(
        (m) => m == null || utf8Bytes(JSON.stringify(m)) <= INGEST_LIMITS.maxMetadataBytes,
        `metadata must be at most ${INGEST_LIMITS.maxMetadataBytes} bytes of JSON`,
      ),
  })
  .refine(
    (d) => [d.text, d.html, d.markdown, d.fileId, d.url].filter((b) => b != null).length === 1,
    { message: 'give exactly one of text, html, markdown, fileId or url' },
  )
  .refine(
    (d) => utf8Bytes(d.text ?? d.html ?? d.markdown ?? '') <= INGEST_LIMITS.maxDocumentBytes,
    {
      message: `a document must be at most ${INGEST_LIMITS.maxDocumentBytes} bytes`,
    },
  );

function isHttpUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** One document as submitted. */
export type DocumentInput = z.infer<typeof documentInput>;

const ingestInput = z
  .object({
    documents: z
      .array(documentInput)
      .min(1, 'give at least one document')
      .max(INGEST_LIMITS.maxDocuments, `at most ${INGEST_LIMITS.maxDocuments} documents per call`),
  })
  .refine(
    (i) =>
      i.documents.reduce((sum, d) => sum + utf8Bytes(d.text ?? d.html ?? d.markdown ?? ''), 0) <=
      INGEST_LIMITS.maxTotalBytes,
    { message: `all documents together must be at most ${INGEST_LIMITS.maxTotalBytes} bytes` },
  );

/**
 * Validates the documents of an `ingestDocuments` call.
 * @throws {AppError} `BAD_USER_INPUT` naming the first bad field (`documents.3.title`).
 */
export function parseIngestInput(input: unknown): { documents: DocumentInput[] } {
  const parsed = ingestInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_USER_INPUT', issue?.message ?? 'invalid documents', {
      details: { field: issue?.path.join('.') },
    });
  }
  return parsed.data;
}

/** The identity of a document within its collection: its source URI, else its title. */
export function sourceKeyOf(document: Pick<DocumentInput, 'title' | 'sourceUri'>): string {
  return document.sourceUri ?? `title:${document.title}`;
}
