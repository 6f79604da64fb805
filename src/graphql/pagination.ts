import { AppError } from '../errors.js';
import type { KeysetPage, KeysetPosition, KeysetWindow } from '../runs/keyset-page.js';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for; larger values are clamped. */
export const MAX_PAGE_SIZE = 100;

/** `first` clamped to 1..{@link MAX_PAGE_SIZE}; default {@link DEFAULT_PAGE_SIZE}. */
export function clampFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
}

/** A keyset position: the sort key of the last row of a page. */
export interface Keyset {
  at: Date;
  id: string;
}

/** An opaque cursor for a keyset position. */
export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

/**
 * The keyset position of a cursor; null for no cursor. `argument` (default `after`) names the
 * argument in the error.
 * @throws {AppError} `BAD_USER_INPUT` for a cursor this server did not issue.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  argument: 'after' | 'before' = 'after',
): Keyset | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as [unknown, unknown];
      const date = typeof at === 'string' ? new Date(at) : null;
      if (
        date &&
        !Number.isNaN(date.getTime()) &&
        typeof id === 'string' &&
        /^[0-9a-f-]{36}$/.test(id)
      ) {
        return { at: date, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_USER_INPUT', 'invalid cursor', { details: { argument } });
}

/** The Relay arguments of a connection paged in both directions. */
export interface RelayArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * The keyset window of Relay arguments: `first` (default {@link DEFAULT_PAGE_SIZE}) rows after
 * `after`, or the `last` rows before `before`; both sizes clamped like {@link clampFirst}.
 * `decode` reads a cursor (default {@link decodeCursor}; {@link ordinalPosition} for lists
 * with ordinal cursors).
 * @throws {AppError} `BAD_USER_INPUT` for `first` with `last`, or a cursor this server did not issue.
 */
export function keysetWindow(
  args: RelayArgs,
  decode: (
    cursor: string | null | undefined,
    argument: 'after' | 'before',
  ) => KeysetPosition | null = decodeCursor,
): KeysetWindow {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) {
    throw new AppError('BAD_USER_INPUT', 'pass first or last, not both', {
      details: { argument: 'last' },
    });
  }
  return {
    after: decode(args.after, 'after'),
    before: decode(args.before, 'before'),
    limit: clampFirst(hasLast ? args.last : args.first),
    fromEnd: hasLast,
  };
}

/**
 * A Relay connection of a keyset page; `keyOf` gives a row's sort key, or its cursor when the
 * list has cursors of its own (a document's chunks, by ordinal).
 */
export function toKeysetConnection<T>(
  page: KeysetPage<T>,
  keyOf: (row: T) => Keyset | string,
): { edges: { cursor: string; node: T }[]; pageInfo: PageInfoShape } {
  const edges = page.rows.map((node) => {
    const key = keyOf(node);
    return { cursor: typeof key === 'string' ? key : encodeCursor(key), node };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNext,
      hasPreviousPage: page.hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** An opaque cursor for a position in an ordinal-ordered list (chunks of a document). */
export function encodeOrdinalCursor(ordinal: number): string {
  return Buffer.from(JSON.stringify({ o: ordinal })).toString('base64url');
}

/**
 * The ordinal of a cursor from {@link encodeOrdinalCursor}; null for no cursor. `argument`
 * (default `after`) names the argument in the error.
 * @throws {AppError} `BAD_USER_INPUT` for a cursor this server did not issue.
 */
export function decodeOrdinalCursor(
  cursor: string | null | undefined,
  argument: 'after' | 'before' = 'after',
): number | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (Number.isInteger(value.o) && (value.o as number) >= 0) return value.o as number;
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_USER_INPUT', 'invalid cursor', { details: { argument } });
}

/**
 * The keyset position of an ordinal cursor (ordinals are unique in their list, so the id is
 * the greatest uuid: the position sorts after every row of its ordinal); null for no cursor.
 * @throws {AppError} `BAD_USER_INPUT` for a cursor this server did not issue.
 */
export function ordinalPosition(
  cursor: string | null | undefined,
  argument: 'after' | 'before' = 'after',
): KeysetPosition | null {
  const ordinal = decodeOrdinalCursor(cursor, argument);
  return ordinal === null ? null : ordinalKey(ordinal);
}

/** The keyset position of a row of an ordinal-ordered list kept in memory. */
export function ordinalKey(ordinal: number): KeysetPosition {
  return { at: ordinal, id: GREATEST_UUID };
}

const GREATEST_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
