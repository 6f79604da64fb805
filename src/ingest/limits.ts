/** Input limits of `ingestDocuments`, enforced before anything is stored. */
export const INGEST_LIMITS = {
  /** Documents in one call. */
  maxDocuments: 1000,
  /** UTF-8 bytes of one document's body (text, html or markdown). */
  maxDocumentBytes: 2 * 1024 * 1024,
  /** UTF-8 bytes of all bodies of one call. */
  maxTotalBytes: 16 * 1024 * 1024,
  /** Characters of a title. */
  maxTitleLength: 500,
  /** Characters of a source URI. */
  maxSourceUriLength: 2048,
  /** Bytes of one document's metadata, as JSON. */
  maxMetadataBytes: 16 * 1024,
} as const;

/**
 * Documents per queued batch: a batch shares embedding requests, is written by a fixed number
 * of statements and is retried as a unit. 64 small documents take about a tenth of a second.
 */
export const INGEST_BATCH_DOCUMENTS = 128;
/** Bytes of text per queued batch, whichever limit comes first. */
export const INGEST_BATCH_BYTES = 1024 * 1024;

/**
 * The same limits on the embedded database, whose one session every request shares: a batch's
 * transaction holds it, so batches are a quarter of the size and a `health` or a search waits
 * behind at most a few tens of milliseconds of writing.
 */
export const EMBEDDED_INGEST_BATCH = { documents: 32, bytes: 256 * 1024 } as const;
