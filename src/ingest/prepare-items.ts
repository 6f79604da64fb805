import type pg from 'pg';
import { isAppError, type ErrorCode } from '../errors.js';
import { markItemsFailed } from './job-progress.js';
import type { PendingItem } from './plan-document.js';

/**
 * Runs `prepare` on the items of `format`, one after another, and passes the others through.
 * An item whose preparation fails with one of `ownFailures` is marked failed with that code
 * and message and left out, and the other items go on; any other error is thrown (the batch is
 * retried).
 * @param prepare the item made ready, or null when there is nothing left to do for it.
 * @returns the items ready for the next step, in order.
 */
export async function prepareItems(
  pool: pg.Pool,
  items: readonly PendingItem[],
  format: string,
  ownFailures: ReadonlySet<ErrorCode>,
  prepare: (item: PendingItem) => Promise<PendingItem | null>,
): Promise<PendingItem[]> {
  const ready: PendingItem[] = [];
  for (const item of items) {
    if (item.format !== format) {
      ready.push(item);
      continue;
    }
    try {
      const prepared = await prepare(item);
      if (prepared) ready.push(prepared);
    } catch (error) {
      if (!isAppError(error) || !ownFailures.has(error.code)) throw error;
      await markItemsFailed(
        pool,
        { jobId: item.jobId, ordinals: [item.ordinal] },
        error.code,
        error.message,
      );
    }
  }
  return ready;
}
