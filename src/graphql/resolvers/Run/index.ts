import { toErrorCode } from '../../../errors.js';
import { readRunEvents } from '../../../runs/find-runs.js';
import { afterSeqArgument } from '../../after-seq.js';
import { encodeId } from '../../ids.js';
import type { RunResolvers } from '../../generated/resolvers-types.js';
import { trace } from './trace.js';
import { usage } from './usage.js';

/** Largest `first` of `Run.events`. */
const MAX_EVENTS_PAGE = 1000;

/** `Run`: maps a `runs` row to the public type. */
export const Run: RunResolvers = {
  id: (row) => encodeId('Run', row.id),
  thread: (row, _args, ctx) => ctx.loaders.thread.load(row.thread_id),
  answer: (row) => row.answer,
  error: (row) =>
    row.error_code ? { code: toErrorCode(row.error_code), message: row.error_message ?? '' } : null,
  events: (row, args, ctx) =>
    readRunEvents(
      ctx.db.pool,
      row.id,
      afterSeqArgument(args.afterSeq),
      Math.min(Math.max(args.first ?? 100, 1), MAX_EVENTS_PAGE),
    ),
  lastSeq: (row) => row.last_seq,
  traceId: (row) => row.trace_id,
  trace,
  usage,
  createdAt: (row) => row.created_at,
  startedAt: (row) => row.started_at,
  finishedAt: (row) => row.finished_at,
};
