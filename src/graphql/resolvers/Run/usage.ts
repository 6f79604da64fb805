import DataLoader from 'dataloader';
import type pg from 'pg';
import type { RunUsageRecord } from '../../../telemetry/index.js';
import type { RunResolvers } from '../../generated/resolvers-types.js';

// One loader per operation (keyed on its fresh loader set), so a thread's runs cost one query.
const perOperation = new WeakMap<object, DataLoader<string, RunUsageRecord | null>>();

function loaderFor(key: object, pool: pg.Pool): DataLoader<string, RunUsageRecord | null> {
  let loader = perOperation.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const { rows } = await pool.query<{ id: string; usage: RunUsageRecord | null }>(
        'SELECT id, usage FROM runs WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row.usage]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    perOperation.set(key, loader);
  }
  return loader;
}

/** `Run.usage`: tokens and cost per model, written when the run ends (`runs.usage`). */
export const usage: RunResolvers['usage'] = (row, _args, ctx) =>
  row.finished_at === null ? null : loaderFor(ctx.loaders, ctx.db.pool).load(row.id);
