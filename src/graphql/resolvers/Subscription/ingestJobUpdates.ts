import { AppError } from '../../../errors.js';
import { abortableStream } from '../../../events/abortable-stream.js';
import { CHANNELS } from '../../../events/notifier.js';
import { createWakeSignal } from '../../../events/wake-signal.js';
import { findIngestJobsByIds } from '../../../ingest/find-ingest-jobs.js';
import { isFinished, type IngestJobRow } from '../../../ingest/ingest-job-row.js';
import { decodeId } from '../../ids.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';

function progressOf(job: IngestJobRow): string {
  return [job.status, job.documents_done, job.documents_failed, job.chunks_total].join('/');
}

/**
 * `Subscription.ingestJobUpdates`: the job now, after every change, and at its end; nothing
 * more once the subscription is closed. The job is re-read only when it is announced (or when
 * the notifier comes back from a gap): a job that does not change costs no SQL.
 */
export const ingestJobUpdates: SubscriptionResolvers['ingestJobUpdates'] = {
  subscribe: (_parent, args, ctx) =>
    abortableStream(async function* (signal) {
      const jobId = decodeId('IngestJob', args.id);
      if (!jobId) throw new AppError('NOT_FOUND', 'ingest job not found');
      const wake = createWakeSignal();
      const unsubscribe = ctx.notifier.subscribe(CHANNELS.ingestJob, (id) => {
        if (id === jobId) wake.notify();
      });
      // Whatever was announced while the notifier was reconnecting was missed: look now.
      const unsubscribeGap = ctx.notifier.onReconnect(() => wake.notify());
      try {
        let last = '';
        while (!signal.aborted) {
          const [job] = await findIngestJobsByIds(ctx.db.pool, ctx.workspaceId, [jobId]);
          if (!job) throw new AppError('NOT_FOUND', 'ingest job not found');
          if (progressOf(job) !== last) {
            last = progressOf(job);
            yield { ingestJobUpdates: job };
          }
          if (isFinished(job.status)) return;
          await wake.wait(signal);
        }
      } finally {
        unsubscribe();
        unsubscribeGap();
      }
    }),
};
