import type { ChunkRow } from '../../../documents/document-row.js';
import type { AnswerRecord } from '../../../runs/run-row.js';
import type { RunEvent as RunEventRecord } from '../../../runs/run-event.js';
import { encodeId } from '../../ids.js';
import type { Resolvers } from '../../generated/resolvers-types.js';

const base = {
  runId: (event: RunEventRecord) => encodeId('Run', event.runId),
};
const text = (key: string) => (event: RunEventRecord) => String(event.payload[key] ?? '');

/** `RunEvent` and its implementations: fields come from the logged event's payload. */
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
  RunResumed: { ...base, attempt: (event) => Number(event.payload['attempt'] ?? 1) },
  NodeStarted: { ...base, node: text('node') },
  NodeFinished: { ...base, node: text('node') },
  RetrievalDone: {
    ...base,
    query: text('query'),
    chunks: async (event, _args, ctx) => {
      const ids = (event.payload['chunkIds'] as string[] | undefined) ?? [];
      const chunks = await ctx.loaders.chunk.loadMany(ids);
      return chunks.filter((c): c is ChunkRow => c !== null && !(c instanceof Error));
    },
  },
  TokenDelta: { ...base, text: text('text') },
  ModelFallback: {
    ...base,
    fromModel: text('fromModel'),
    toModel: text('toModel'),
    reason: text('reason'),
    restart: (event) => event.payload['restart'] === true,
  },
  RunCompleted: { ...base, answer: (event) => event.payload['answer'] as AnswerRecord },
  RunFailed: { ...base, code: text('code'), message: text('message') },
  RunCancelled: base,
};
