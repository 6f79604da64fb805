import type pg from 'pg';

/** Options of {@link BatchedCounter}. */
export interface BatchedCounterOptions {
  /** Prefix of the counters' keys in `rate_limits` (`req` gives `req:<key>`). */
  keyPrefix: string;
  /** Points one key may consume per window. */
  points: number;
  /** Length of a window, from its first point. */
  durationMs: number;
  /** How long counts wait in memory before they are added to the shared counters. Default: 100 ms. */
  flushMs?: number;
}

/** What {@link BatchedCounter.consume} decided. */
export type ConsumeResult = { allowed: true } | { allowed: false; msBeforeNext: number };

interface KeyCount {
  /** The shared counter's value at the last flush (every replica's points, ours included). */
  shared: number;
  /** Points being added by the flush in flight. */
  flushing: number;
  /** Points not sent yet. */
  pending: number;
  /** When the window ends, epoch ms (the shared counter's, once known). */
  resetAt: number;
}

// One statement for every key of a flush. A window that ended starts over with the new points.
const ADD_POINTS = `INSERT INTO rate_limits AS r (key, points, expire)
  SELECT x.key, x.points, $2::bigint
  FROM jsonb_to_recordset($1::jsonb) AS x(key text, points int)
  ORDER BY x.key
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN r.expire IS NULL OR r.expire <= $3 THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
    expire = CASE WHEN r.expire IS NULL OR r.expire <= $3 THEN EXCLUDED.expire ELSE r.expire END
  RETURNING key, points, expire`;

/**
 * Fixed-window counters shared by every replica through the `rate_limits` table, decided in
 * memory: `consume` never waits for the database. Points are added to the shared counters in
 * one statement per `flushMs` for all keys, which returns every replica's totals; a key's
 * decisions then count those totals plus what this process consumed since. So a request costs
 * no SQL of its own, and a limit can be overshot only by what other replicas admitted within
 * one flush. While the database fails or stalls, counting goes on in this process alone (up to
 * one limit per replica) and the points are sent once it answers; it is never an error.
 */
export class BatchedCounter {
  readonly #keys = new Map<string, KeyCount>();
  readonly #pool: pg.Pool;
  readonly #options: Required<BatchedCounterOptions>;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> | null = null;

  constructor(pool: pg.Pool, options: BatchedCounterOptions) {
    this.#pool = pool;
    this.#options = { flushMs: 100, ...options };
  }

  /** Consumes one point of `key` if its window has one left. */
  consume(key: string): ConsumeResult {
    const now = Date.now();
    let count = this.#keys.get(key);
    if (!count || count.resetAt <= now) {
      count = {
        shared: 0,
        flushing: count?.flushing ?? 0,
        pending: 0,
        resetAt: now + this.#options.durationMs,
      };
      this.#keys.set(key, count);
    }
    if (count.shared + count.flushing + count.pending >= this.#options.points) {
      return { allowed: false, msBeforeNext: count.resetAt - now };
    }
    count.pending++;
    this.#schedule(this.#options.flushMs);
    return { allowed: true };
  }

  /** Sends the pending points now (waits for a flush in flight first); never rejects. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#flushing) await this.#flushing;
    this.#flushing = this.#send().finally(() => {
      this.#flushing = null;
    });
    await this.#flushing;
  }

  async #send(): Promise<void> {
    const now = Date.now();
    const batch: { key: string; points: number }[] = [];
    for (const [key, count] of this.#keys) {
      if (count.pending > 0) {
        batch.push({ key: `${this.#options.keyPrefix}:${key}`, points: count.pending });
        count.flushing = count.pending;
        count.pending = 0;
      } else if (count.resetAt <= now && count.flushing === 0) {
        this.#keys.delete(key);
      }
    }
    if (batch.length === 0) return;
    const prefix = `${this.#options.keyPrefix}:`;
    try {
      const result = await this.#pool.query<{ key: string; points: number; expire: string }>(
        ADD_POINTS,
        [JSON.stringify(batch), now + this.#options.durationMs, now],
      );
      for (const row of result.rows) {
        const count = this.#keys.get(row.key.slice(prefix.length));
        if (!count) continue;
        count.shared = row.points;
        count.resetAt = Number(row.expire);
        count.flushing = 0;
      }
    } catch {
      // Counted here meanwhile; sent with the next flush.
      for (const { key } of batch) {
        const count = this.#keys.get(key.slice(prefix.length));
        if (!count) continue;
        count.pending += count.flushing;
        count.flushing = 0;
      }
      this.#schedule(this.#options.flushMs * 10);
    }
  }

  // One flush at a time: while one waits on a stalled database, the next is only rescheduled.
  #schedule(ms: number): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      if (this.#flushing) this.#schedule(ms);
      else void this.flush();
    }, ms).unref();
  }
}
