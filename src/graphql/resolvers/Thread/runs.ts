import { pageThreadRuns } from '../../../runs/find-runs.js';
import { keysetWindow, toKeysetConnection } from '../../pagination.js';
import type { ThreadResolvers } from '../../generated/resolvers-types.js';

/** `Thread.runs`: keyset pages of the thread's runs, newest first, in both directions. */
export const runs: ThreadResolvers['runs'] = async (row, args, ctx) => {
  const page = await pageThreadRuns(ctx.db.pool, ctx.workspaceId, row.id, keysetWindow(args));
  for (const run of page.rows) ctx.loaders.run.prime(run.id, run);
  return toKeysetConnection(page, (run) => ({ at: run.created_at, id: run.id }));
};
