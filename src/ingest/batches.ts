import type { PreparedDocument } from './prepare-document.js';
import { INGEST_BATCH_BYTES, INGEST_BATCH_DOCUMENTS } from './limits.js';

/**
 * Groups document ordinals into batches of at most `maxDocuments` documents and about
 * `maxBytes` of text (a larger single document gets a batch of its own). A document given by a
 * file counts its file's size (`bytes`), its text being read later.
 */
export function planBatches(
  documents: readonly Pick<PreparedDocument, 'text' | 'bytes'>[],
  maxDocuments: number = INGEST_BATCH_DOCUMENTS,
  maxBytes: number = INGEST_BATCH_BYTES,
): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  documents.forEach((document, ordinal) => {
    const size = document.bytes ?? Buffer.byteLength(document.text, 'utf8');
    if (current.length > 0 && (current.length >= maxDocuments || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(ordinal);
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
