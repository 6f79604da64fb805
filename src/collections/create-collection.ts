import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { COLLECTION_COLUMNS, type CollectionRow } from './collection-row.js';

/** Input of {@link createCollection}, validated before any SQL runs. */
export const createCollectionInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name must not be empty')
    .max(200, 'name must be at most 200 characters'),
  description: z.string().max(2000, 'description must be at most 2000 characters').nullish(),
});

/**
 * Creates a collection in `workspaceId`.
 * @throws {AppError} `BAD_USER_INPUT` for an invalid input, `CONFLICT` when the workspace
 *   already has a collection of that name.
 */
export async function createCollection(
  pool: pg.Pool,
  workspaceId: string,
  input: unknown,
): Promise<CollectionRow> {
  const parsed = createCollectionInput.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('BAD_USER_INPUT', first?.message ?? 'invalid input', {
      details: { field: first?.path.join('.') },
    });
  }
  try {
    const result = await pool.query<CollectionRow>(
      `INSERT INTO collections (workspace_id, name, description)
       VALUES ($1, $2, $3)
       RETURNING ${COLLECTION_COLUMNS}`,
      [workspaceId, parsed.data.name, parsed.data.description ?? null],
    );
    return result.rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', 'a collection with this name already exists', {
        details: { field: 'name' },
      });
    }
    throw error;
  }
}
