import type { CacheHit } from '../../src/cache/index.js';
import type { StructuredAnswer } from '../../src/models/index.js';
import type { AgenticRagAnswer, AgenticRagValues } from './state.js';

/** Every model tried or skipped so far this run, in order: the hops', else `current`. */
export function fallbackPathOf(
  state: Pick<AgenticRagValues, 'hops'>,
  current: string | undefined,
): string[] {
  const [first] = state.hops;
  if (first === undefined) return current === undefined ? [] : [current];
  return [first.fromModel, ...state.hops.map((hop) => hop.toModel)];
}

/** The run's answer from a validated model reply. */
export function modelAnswer(
  state: Pick<AgenticRagValues, 'hops' | 'chunks' | 'usage'>,
  model: string,
  reply: StructuredAnswer,
): AgenticRagAnswer {
  const documentOf = new Map(state.chunks.map((chunk) => [chunk.chunkId, chunk.documentId]));
  const answer: AgenticRagAnswer = {
    text: reply.answer,
    citations: reply.citations.map((chunkId) => ({
      chunkId,
      documentId: documentOf.get(chunkId) ?? '',
    })),
    model,
    fallbackPath: fallbackPathOf(state, model),
    cached: false,
    grounded: reply.grounded,
  };
  return state.usage === null ? answer : { ...answer, usage: state.usage };
}

/**
 * The run's answer from a cache entry: `model` is the model that wrote it originally, and
 * `fallbackPath` the models this run tried before it fell back to the cache (empty on a hit).
 */
export function cachedAnswer(
  hit: CacheHit,
  fallbackPath: readonly string[] = [],
): AgenticRagAnswer {
  return {
    text: hit.answer.text,
    citations: hit.answer.citations,
    model: hit.answer.model,
    fallbackPath: [...fallbackPath],
    cached: true,
    grounded: hit.answer.grounded,
  };
}
