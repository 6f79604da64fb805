import type pg from 'pg';
import type { PiiType } from '../governance/pii.js';
import { pagesOfSpan } from './chunk-pages.js';
import { chunkText } from './text/chunk-text.js';
import { contentHash } from './text/content-hash.js';

/** A pending job item, with what its collection and job contribute. */
export interface PendingItem {
  jobId: string;
  ordinal: number;
  workspaceId: string;
  collectionId: string;
  title: string;
  sourceUri: string | null;
  sourceKey: string;
  format: string;
  metadata: Record<string, unknown>;
  /** Empty while `format` is `file` or `url`: see `prepareFileItems` and `fetchUrlItems`. */
  text: string;
  piiCounts: Partial<Record<PiiType, number>>;
  /** The uploaded file (uuid) the item was made from; null for text given inline. */
  fileId: string | null;
  /** The URL to fetch while `format` is `url` (see `fetchUrlItems`); else null. */
  url: string | null;
  /** Where each page starts in `text`, for a document with pages (a PDF); else empty. */
  pageStarts: number[];
}

/** One chunk of a planned document, keyed by the hash of its text. */
export interface PlannedChunk {
  ordinal: number;
  text: string;
  headingPath: string[];
  /** 1-based pages the chunk's text spans; empty for a document without pages. */
  pages: number[];
  tokenCount: number;
  hash: string;
}

/** What writing one document will take. */
export interface PlannedDocument {
  item: PendingItem;
  contentHash: string;
  chunks: PlannedChunk[];
  /** The stored document has this exact text: only its title and metadata may change. */
  unchanged: boolean;
  /** Hashes of the chunks the stored document already has. */
  existingHashes: Set<string>;
  /** Hashes whose vectors must be computed (not stored anywhere in the collection yet). */
  toEmbed: Set<string>;
}

/**
 * Splits a document into chunks, dropping repeats of the same text within it; each chunk gets
 * the pages its span of `text` overlaps (none when `pageStarts` is empty, the default).
 */
export function chunkDocument(text: string, pageStarts: readonly number[] = []): PlannedChunk[] {
  const seen = new Set<string>();
  const chunks: PlannedChunk[] = [];
  for (const chunk of chunkText(text)) {
    const hash = contentHash(chunk.text);
    if (seen.has(hash)) continue;
    seen.add(hash);
    chunks.push({
      ordinal: chunks.length,
      text: chunk.text,
      headingPath: chunk.headingPath,
      pages: pagesOfSpan(chunk.startOffset, chunk.endOffset, pageStarts, text.length),
      tokenCount: chunk.tokenCount,
      hash,
    });
  }
  return chunks;
}

/**
 * Plans the documents of a batch against what is stored: unchanged documents need no
 * chunk work, changed ones keep the chunks whose text is unchanged, and a new chunk whose
 * text already exists elsewhere in the collection reuses that vector.
 * @returns the plans, and the stored vectors to reuse, by hash.
 */
export async function planDocuments(
  pool: pg.Pool,
  items: readonly PendingItem[],
): Promise<{ plans: PlannedDocument[]; reusable: Map<string, number[]> }> {
  const collectionId = items[0]?.collectionId;
  if (!collectionId) return { plans: [], reusable: new Map() };
  const stored = await pool.query<{
    source_key: string;
    content_hash: string;
    hashes: string[] | null;
  }>(
    `SELECT d.source_key, d.content_hash,
            array_agg(c.content_hash) FILTER (WHERE c.id IS NOT NULL) AS hashes
     FROM documents d LEFT JOIN chunks c ON c.document_id = d.id
     WHERE d.collection_id = $1 AND d.source_key = ANY($2::text[])
     GROUP BY d.id`,
    [collectionId, items.map((i) => i.sourceKey)],
  );
  const byKey = new Map(stored.rows.map((r) => [r.source_key, r]));
  const plans: PlannedDocument[] = [];
  const wanted = new Set<string>();
  for (const item of items) {
    const hash = contentHash(item.text);
    const existing = byKey.get(item.sourceKey);
    const existingHashes = new Set(existing?.hashes ?? []);
    const unchanged = existing?.content_hash === hash;
    const chunks = unchanged ? [] : chunkDocument(item.text, item.pageStarts);
    const toEmbed = new Set(chunks.map((c) => c.hash).filter((h) => !existingHashes.has(h)));
    for (const h of toEmbed) wanted.add(h);
    plans.push({ item, contentHash: hash, chunks, unchanged, existingHashes, toEmbed });
  }

  const reusable = new Map<string, number[]>();
  if (wanted.size > 0) {
    const found = await pool.query<{ content_hash: string; embedding: number[] }>(
      `SELECT DISTINCT ON (content_hash) content_hash, embedding::real[] AS embedding
       FROM chunks WHERE collection_id = $1 AND content_hash = ANY($2::text[])`,
      [collectionId, [...wanted]],
    );
    for (const row of found.rows) reusable.set(row.content_hash, row.embedding);
  }
  for (const plan of plans) for (const h of reusable.keys()) plan.toEmbed.delete(h);
  return { plans, reusable };
}
