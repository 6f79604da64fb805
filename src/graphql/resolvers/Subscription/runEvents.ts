import { AppError } from '../../../errors.js';
import { abortableStream } from '../../../events/abortable-stream.js';
import { streamRunEvents } from '../../../runs/stream-run-events.js';
import { afterSeqArgument } from '../../after-seq.js';
import { decodeId } from '../../ids.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';

/** `Subscription.runEvents`: replay after `afterSeq`, then live, until the terminal event. */
export const runEvents: SubscriptionResolvers['runEvents'] = {
  subscribe: (_parent, args, ctx) =>
    abortableStream(async function* (signal) {
      const runId = decodeId('Run', args.runId);
      if (!runId) throw new AppError('NOT_FOUND', 'run not found');
      const afterSeq = afterSeqArgument(args.afterSeq);
      const deps = { pool: ctx.db.pool, activeRuns: ctx.activeRuns, runLog: ctx.runLog };
      const options = { afterSeq, signal };
      for await (const event of streamRunEvents(deps, ctx.workspaceId, runId, options)) {
        yield { runEvents: event };
      }
    }),
};
