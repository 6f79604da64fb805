/** A `collections` row as the GraphQL layer receives it. */
export interface CollectionRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  embedding_model: string | null;
  embedding_dimensions: number | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns of {@link CollectionRow}, for SELECT lists. */
export const COLLECTION_COLUMNS =
  'id, workspace_id, name, description, embedding_model, embedding_dimensions, created_at, updated_at';
