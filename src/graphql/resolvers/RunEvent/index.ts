import { toFallbackReason } from '../../../../graphs/agentic-rag/fallback-reasons.js';
import type { ChunkRow } from '../../../documents/document-row.js';
import { toErrorCode } from '../../../errors.js';
import type { RunEvent as RunEventRecord } from '../../../runs/run-event.js';
import { encodeId } from '../../ids.js';
import type { Resolvers } from '../../generated/resolvers-types.js';

const base = {
  runId: (event: Pick<RunEventRecord, 'runId'>) => encodeId('Run', event.runId),
};

/** `RunEvent` and its implementations: fields come from the logged event's typed payload. */
export const runEventResolvers: Pick<
  Resolvers,
  | 'RunEvent'
  | 'RunStarted'
  | 'RunResumed'
  | 'NodeStarted'
  | 'NodeFinished'
  | 'RetrievalDone'
  | 'TokenDelta'
  | 'ModelFallback'
  | 'RunCompleted'
  | 'RunFailed'
  | 'RunCancelled'
> = {
  RunEvent: { __resolveType: (event) => event.type },
  RunStarted: base,
  RunResumed: { ...base, attempt: (event) => event.payload.attempt },
  NodeStarted: { ...base, node: (event) => event.payload.node },
  NodeFinished: { ...base, node: (event) => event.payload.node },
  RetrievalDone: {
    ...base,
    query: (event) => event.payload.query,
    chunks: async (event, _args, ctx) => {
      const chunks = await ctx.loaders.chunk.loadMany(event.payload.chunkIds);
      return chunks.filter((c): c is ChunkRow => c !== null && !(c instanceof Error));
    },
  },
  TokenDelta: { ...base, text: (event) => event.payload.text },
  ModelFallback: {
    ...base,
    node: (event) => event.payload.node,
    fromModel: (event) => event.payload.fromModel,
    toModel: (event) => event.payload.toModel,
    // Events logged before the list was closed may hold another code (`HTTP_418`).
    reason: (event) => toFallbackReason(event.payload.reason),
    restart: (event) => event.payload.restart,
  },
  RunCompleted: { ...base, answer: (event) => event.payload.answer },
  RunFailed: {
    ...base,
    code: (event) => toErrorCode(event.payload.code),
    message: (event) => event.payload.message,
  },
  RunCancelled: base,
};
