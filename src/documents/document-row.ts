/** A `documents` row as the GraphQL layer receives it. */
export interface DocumentRow {
  id: string;
  workspace_id: string;
  collection_id: string;
  title: string;
  source_uri: string | null;
  metadata: Record<string, unknown>;
  chunk_count: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns of {@link DocumentRow}. */
export const DOCUMENT_COLUMNS =
  'id, workspace_id, collection_id, title, source_uri, metadata, chunk_count, created_at, updated_at';

/** A `chunks` row, without its vector, as the GraphQL layer receives it. */
export interface ChunkRow {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  heading_path: string[];
  /** 1-based source pages, ascending; empty for formats without pages. */
  pages: number[];
  token_count: number;
}

/** The columns of {@link ChunkRow}. */
export const CHUNK_COLUMNS = 'id, document_id, ordinal, text, heading_path, pages, token_count';
