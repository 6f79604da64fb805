import { abortableStream } from '../../../events/abortable-stream.js';
import { cancelRun } from '../../../runs/cancel-run.js';
import { streamRunEvents } from '../../../runs/stream-run-events.js';
import { submitRun } from '../../../runs/submit-run.js';
import { TERMINAL_EVENT_TYPES } from '../../../runs/run-event.js';
import { toSubmitRunInput } from '../../ask-input.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';

/**
 * `Subscription.askStream`: `ask` and `runEvents` in one operation. The run outlives the
 * subscription unless `cancelOnDisconnect` is set.
 */
export const askStream: SubscriptionResolvers['askStream'] = {
  subscribe: (_parent, args, ctx) =>
    abortableStream(async function* (signal) {
      const input = toSubmitRunInput(args.input);
      const run = await submitRun(ctx, ctx.workspaceId, {
        ...input,
        requestedBy: ctx.principal.subject,
      });
      let ended = false;
      try {
        const deps = { pool: ctx.db.pool, activeRuns: ctx.activeRuns, runLog: ctx.runLog };
        for await (const event of streamRunEvents(deps, ctx.workspaceId, run.id, { signal })) {
          if (TERMINAL_EVENT_TYPES.has(event.type)) ended = true;
          yield { askStream: event };
        }
      } finally {
        if (!ended && args.input.cancelOnDisconnect) {
          await cancelRun(ctx, ctx.workspaceId, run.id).catch((error: unknown) =>
            ctx.logger.warn({ err: error, runId: run.id }, 'cancel on disconnect failed'),
          );
        }
      }
    }),
};
