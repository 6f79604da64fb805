import type pg from 'pg';

/** A position in a newest-first list: the sort key of a row. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** Which rows of a newest-first list a page holds. */
export interface KeysetWindow {
  /** Only rows after (older than) this position. */
  after: KeysetPosition | null;
  /** Only rows before (newer than) this position. */
  before: KeysetPosition | null;
  /** At most this many rows. */
  limit: number;
  /** Take the last `limit` rows of the window (`last`/`before`) instead of the first. */
  fromEnd: boolean;
}

/** One page of a newest-first list, and whether rows exist on either side of it. */
export interface KeysetPage<Row> {
  /** Newest first, whichever end the page was taken from. */
  rows: Row[];
  /** Newer rows exist before the page. */
  hasPrevious: boolean;
  /** Older rows exist after the page. */
  hasNext: boolean;
}

/** The list a page is cut from: one table, filtered, ordered by `(atColumn, id)` descending. */
export interface KeysetSource {
  /** `SELECT` list; a constant of the calling module, never user input. */
  columns: string;
  /** Table name; a constant of the calling module. */
  table: string;
  /** The timestamp column of the sort key; a constant of the calling module. */
  atColumn: string;
  /** SQL filter over `params` ($1..$n); a constant of the calling module. */
  where: string;
  params: unknown[];
}

/**
 * One page of `source`, newest first, cut by `window`: `limit + 1` rows are read to learn
 * whether the page's far side has more; one `EXISTS` per cursor tells about its near side.
 */
export async function readKeysetPage<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  source: KeysetSource,
  window: KeysetWindow,
): Promise<KeysetPage<Row>> {
  const { columns, table, atColumn, where } = source;
  const params = [...source.params];
  const key = `(${atColumn}, id)`;
  const bound = (position: KeysetPosition, op: string): string => {
    params.push(position.at, position.id);
    return `${key} ${op} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  };
  const bounds = [where];
  if (window.after) bounds.push(bound(window.after, '<'));
  if (window.before) bounds.push(bound(window.before, '>'));
  const order = window.fromEnd ? 'ASC' : 'DESC';
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
         AND ${key} ${op} ($${source.params.length + 1}::timestamptz, $${source.params.length + 2}::uuid)
       LIMIT 1`,
      [...source.params, position.at, position.id],
    );
    return found.rows.length > 0;
  };
  // The far side of a page is known from the extra row; its near side lies beyond the cursor.
  return window.fromEnd
    ? { rows, hasPrevious: more, hasNext: await beyond(window.before, '<=') }
    : { rows, hasPrevious: await beyond(window.after, '>='), hasNext: more };
}
