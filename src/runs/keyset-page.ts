import type pg from 'pg';

/** A position in a list: the sort key of a row (a time, or a number such as an ordinal). */
export interface KeysetPosition {
  at: Date | number;
  id: string;
}

/** Which rows of a list a page holds. */
export interface KeysetWindow {
  /** Only rows after this position (older, in a newest-first list). */
  after: KeysetPosition | null;
  /** Only rows before this position (newer, in a newest-first list). */
  before: KeysetPosition | null;
  /** At most this many rows. */
  limit: number;
  /** Take the last `limit` rows of the window (`last`/`before`) instead of the first. */
  fromEnd: boolean;
}

/** One page of a list, and whether rows exist on either side of it. */
export interface KeysetPage<Row> {
  /** In the list's order, whichever end the page was taken from. */
  rows: Row[];
  /** Rows exist before the page (newer, in a newest-first list). */
  hasPrevious: boolean;
  /** Rows exist after the page (older, in a newest-first list). */
  hasNext: boolean;
}

/**
 * The list a page is cut from: one table, filtered, ordered by `(atColumn, id)`, descending
 * (newest first) unless `ascending`.
 */
export interface KeysetSource {
  /** `SELECT` list; a constant of the calling module, never user input. */
  columns: string;
  /** Table name; a constant of the calling module. */
  table: string;
  /** The first column of the sort key; a constant of the calling module. */
  atColumn: string;
  /** SQL type of `atColumn`. Default: `timestamptz`. */
  atType?: 'timestamptz' | 'int';
  /** The list runs in ascending `(atColumn, id)` order (lowest first). Default: descending. */
  ascending?: boolean;
  /** SQL filter over `params` ($1..$n); a constant of the calling module. */
  where: string;
  params: unknown[];
}

/**
 * One page of `source`, in its order, cut by `window`: `limit + 1` rows are read to learn
 * whether the page's far side has more; one `EXISTS` per cursor tells about its near side.
 */
export async function readKeysetPage<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  source: KeysetSource,
  window: KeysetWindow,
): Promise<KeysetPage<Row>> {
  const { columns, table, atColumn, where } = source;
  const atType = source.atType ?? 'timestamptz';
  const params = [...source.params];
  const key = `(${atColumn}, id)`;
  // In a descending list the rows after a position have a lower key; in an ascending one, higher.
  const [afterOp, beforeOp] = source.ascending ? ['>', '<'] : ['<', '>'];
  const bound = (position: KeysetPosition, op: string): string => {
    params.push(position.at, position.id);
    return `${key} ${op} ($${params.length - 1}::${atType}, $${params.length}::uuid)`;
  };
  const bounds = [where];
  if (window.after) bounds.push(bound(window.after, afterOp));
  if (window.before) bounds.push(bound(window.before, beforeOp));
  // Read from the list's start in its own order, from its end in the reverse one.
  const order = window.fromEnd === !source.ascending ? 'ASC' : 'DESC';
  params.push(window.limit + 1);
  const result = await pool.query<Row>(
    `SELECT ${columns} FROM ${table} WHERE ${bounds.join(' AND ')}
     ORDER BY ${atColumn} ${order}, id ${order} LIMIT $${params.length}`,
    params,
  );
  const more = result.rows.length > window.limit;
  const rows = result.rows.slice(0, window.limit);
  if (window.fromEnd) rows.reverse();
  const beyond = async (position: KeysetPosition | null, op: string): Promise<boolean> => {
    if (!position) return false;
    const found = await pool.query(
      `SELECT 1 FROM ${table} WHERE ${where}
         AND ${key} ${op} ($${source.params.length + 1}::${atType}, $${source.params.length + 2}::uuid)
       LIMIT 1`,
      [...source.params, position.at, position.id],
    );
    return found.rows.length > 0;
  };
  // The far side of a page is known from the extra row; its near side lies beyond the cursor.
  return window.fromEnd
    ? { rows, hasPrevious: more, hasNext: await beyond(window.before, `${afterOp}=`) }
    : { rows, hasPrevious: await beyond(window.after, `${beforeOp}=`), hasNext: more };
}

/** Orders two positions as `(at, id)` tuples. */
function comparePositions(a: KeysetPosition, b: KeysetPosition): number {
  const at = Number(a.at) - Number(b.at);
  if (at !== 0) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The page {@link readKeysetPage} would read, cut from a list already in memory (`rows`, newest
 * first: descending positions): for lists that are not a table, such as a thread's messages,
 * read from its checkpoint.
 */
export function cutKeysetPage<Row>(
  rows: readonly Row[],
  positionOf: (row: Row) => KeysetPosition,
  window: KeysetWindow,
): KeysetPage<Row> {
  const { after, before } = window;
  const inWindow = rows.filter((row) => {
    const position = positionOf(row);
    return (
      (!after || comparePositions(position, after) < 0) &&
      (!before || comparePositions(position, before) > 0)
    );
  });
  const more = inWindow.length > window.limit;
  const page = window.fromEnd ? inWindow.slice(-window.limit) : inWindow.slice(0, window.limit);
  const beyond = (position: KeysetPosition | null, side: 1 | -1): boolean =>
    position !== null &&
    rows.some((row) => comparePositions(positionOf(row), position) * side >= 0);
  return window.fromEnd
    ? { rows: page, hasPrevious: more, hasNext: beyond(before, -1) }
    : { rows: page, hasPrevious: beyond(after, 1), hasNext: more };
}
