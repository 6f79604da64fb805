import type { SqlExecutor } from '../jobs/job-queue.js';

/** How long a token budget lasts: a day from its first charge. */
export const BUDGET_DAY_MS = 86_400_000;

/** One daily token budget: its counter's key in `rate_limits`, and its limit. */
export interface TokenBudget {
  /** `tok:<caller>` or `wstok:<workspace>`. */
  key: string;
  limit: number;
}

/** The run a reservation was made for: whose budgets it holds, and how much. */
export interface TokenReservation {
  /** Who asked (`runs.requested_by`); null counts as `open`. */
  requestedBy: string | null;
  workspaceId: string;
  /** Tokens reserved at submit (`runs.reserved_tokens`). */
  reserved: number;
}

/** The budget counter keys of a caller in a workspace: the caller's first, then the workspace's. */
export function budgetKeys(subject: string | null, workspaceId: string): [string, string] {
  return [`tok:${subject ?? 'open'}`, `wstok:${workspaceId}`];
}

// Same rows as rate-limiter-flexible's counters (points, expiry in epoch ms). Upserting locks
// each row until the transaction ends, so concurrent reservations of one budget queue here; an
// expired day starts over at zero. Keys come sorted, so two transactions lock them in one order.
const LOCK_DAYS = `INSERT INTO rate_limits (key, points, expire)
  SELECT k, 0, $2 FROM unnest($1::text[]) AS k ORDER BY k
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limits.expire <= $3 THEN 0 ELSE rate_limits.points END,
    expire = CASE WHEN rate_limits.expire <= $3 THEN EXCLUDED.expire ELSE rate_limits.expire END
  RETURNING key, points, expire`;

const ADD = `UPDATE rate_limits SET points = points + $2 WHERE key = ANY($1::text[])`;

// A run's real usage replaces its reservation; a day that ended since then starts over with it.
const SETTLE = `INSERT INTO rate_limits (key, points, expire)
  SELECT k, $2, $3 FROM unnest($1::text[]) AS k ORDER BY k
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limits.expire <= $5 THEN EXCLUDED.points
                  ELSE GREATEST(rate_limits.points + $4, 0) END,
    expire = CASE WHEN rate_limits.expire <= $5 THEN EXCLUDED.expire
                  ELSE rate_limits.expire END`;

/** The first budget a reservation did not fit, and when its day ends. */
export interface SpentBudget {
  key: string;
  msBeforeReset: number;
}

/**
 * Reserves `tokens` on every budget, inside the caller's transaction, or reserves nothing and
 * returns the first budget (in `budgets` order) it does not fit. The budgets' rows stay locked
 * until the transaction ends: concurrent reservations cannot overshoot a limit.
 */
export async function reserveTokens(
  executor: SqlExecutor,
  budgets: readonly TokenBudget[],
  tokens: number,
  now = Date.now(),
): Promise<SpentBudget | null> {
  const keys = budgets.map((b) => b.key);
  const days = await executor.query<{ key: string; points: number; expire: string | null }>(
    LOCK_DAYS,
    [[...keys].sort(), now + BUDGET_DAY_MS, now],
  );
  const byKey = new Map(days.rows.map((row) => [row.key, row]));
  for (const budget of budgets) {
    const row = byKey.get(budget.key);
    if (row && row.points + tokens > budget.limit) {
      return {
        key: budget.key,
        msBeforeReset: row.expire === null ? -1 : Math.max(Number(row.expire) - now, 0),
      };
    }
  }
  if (tokens > 0) await executor.query(ADD, [keys, tokens]);
  return null;
}

/**
 * Replaces a run's reservation by the tokens it used (any outcome), inside the transaction
 * that ends the run, so it happens exactly once. One statement.
 */
export async function settleTokens(
  executor: SqlExecutor,
  reservation: TokenReservation,
  usedTokens: number,
  now = Date.now(),
): Promise<void> {
  if (reservation.reserved === 0 && usedTokens === 0) return;
  const keys = budgetKeys(reservation.requestedBy, reservation.workspaceId);
  await executor.query(SETTLE, [
    keys.sort(),
    usedTokens,
    now + BUDGET_DAY_MS,
    usedTokens - reservation.reserved,
    now,
  ]);
}
