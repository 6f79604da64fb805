import { z } from 'zod';
import { AppError } from '../errors.js';

/** Hits returned when `k` is not given. */
export const DEFAULT_K = 8;
/** Largest `k` a caller may ask for. */
export const MAX_K = 50;
/** Longest query, in characters. */
export const MAX_QUERY_LENGTH = 2000;

const searchInput = z.object({
  query: z.string().trim().min(1, 'query must not be empty').max(MAX_QUERY_LENGTH),
  k: z.number().int().min(1).max(MAX_K).nullish(),
  filter: z.record(z.string(), z.json()).nullish(),
});

/** A validated search request. */
export interface SearchRequest {
  query: string;
  k: number;
  /** JSON containment filter on chunk metadata (`metadata @> filter`), or null. */
  filter: Record<string, unknown> | null;
}

/**
 * Validates search arguments.
 * @throws {AppError} `BAD_USER_INPUT` naming the argument.
 */
export function parseSearchRequest(input: {
  query: unknown;
  k?: unknown;
  filter?: unknown;
}): SearchRequest {
  const parsed = searchInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_USER_INPUT', issue?.message ?? 'invalid search', {
      details: { field: issue?.path.join('.') },
    });
  }
  return {
    query: parsed.data.query,
    k: parsed.data.k ?? DEFAULT_K,
    filter: parsed.data.filter ?? null,
  };
}
