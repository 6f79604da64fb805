import type pg from 'pg';

/** How long a token budget lasts: a day from its first charge. */
export const BUDGET_DAY_MS = 86_400_000;

/** One daily token budget: its counter's key in `rate_limits`, and its limit. */
export interface TokenBudget {
  /** `tok:<caller>` or `wstok:<workspace>`. */
  key: string;
  limit: number;
}

/** A budget found spent: which one, and when its day ends. */
export interface SpentBudget {
  key: string;
  msBeforeReset: number;
}

// Same rows as rate-limiter-flexible's counters (points, expiry in epoch ms): one statement
// reads or charges every budget of a run, where the library takes one statement per key.
const READ = `SELECT key, points, expire FROM rate_limits
  WHERE key = ANY($1::text[]) AND (expire > $2 OR expire IS NULL)`;

// An expired day starts over with these tokens; a running one adds them, its expiry unchanged.
const CHARGE = `INSERT INTO rate_limits (key, points, expire)
  SELECT k, $2, $3 FROM unnest($1::text[]) AS k
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limits.expire <= $4 THEN EXCLUDED.points
                  ELSE rate_limits.points + EXCLUDED.points END,
    expire = CASE WHEN rate_limits.expire <= $4 THEN EXCLUDED.expire
                  ELSE rate_limits.expire END`;

/**
 * The first of `budgets`, in order, whose day's tokens reached its limit, or null when none has.
 * One statement.
 */
export async function findSpentBudget(
  pool: Pick<pg.Pool, 'query'>,
  budgets: readonly TokenBudget[],
  now = Date.now(),
): Promise<SpentBudget | null> {
  const rows = await pool.query<{ key: string; points: number; expire: string | null }>(READ, [
    budgets.map((b) => b.key),
    now,
  ]);
  const byKey = new Map(rows.rows.map((row) => [row.key, row]));
  for (const budget of budgets) {
    const row = byKey.get(budget.key);
    if (row && row.points >= budget.limit) {
      return {
        key: budget.key,
        msBeforeReset: row.expire === null ? -1 : Math.max(Number(row.expire) - now, 0),
      };
    }
  }
  return null;
}

/** Adds `tokens` to each budget's day (starting a new day where it ran out). One statement. */
export async function chargeBudgets(
  pool: Pick<pg.Pool, 'query'>,
  keys: readonly string[],
  tokens: number,
  now = Date.now(),
): Promise<void> {
  await pool.query(CHARGE, [keys, tokens, now + BUDGET_DAY_MS, now]);
}
