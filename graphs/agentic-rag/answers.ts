import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { CacheHit } from '../../src/cache/index.js';
import type { StructuredAnswer } from '../../src/models/index.js';
import { emit } from './events.js';
import type { AgenticRagAnswer, AgenticRagValues, Usage } from './state.js';

/**
 * Every model the run used so far, in order: where its hops started, each model a hop moved to
 * (a corrective retry on the same model adds none), else `current`. The run's current model only
 * moves forward, so this is a part of the chain in chain order.
 */
export function fallbackPathOf(
  state: Pick<AgenticRagValues, 'hops'>,
  current: string | undefined,
): string[] {
  const [first] = state.hops;
  if (first === undefined) return current === undefined ? [] : [current];
  const path = [first.fromModel];
  for (const hop of state.hops) if (path.at(-1) !== hop.toModel) path.push(hop.toModel);
  return path;
}

const withUsage = (answer: AgenticRagAnswer, usage: Usage | null): AgenticRagAnswer =>
  usage === null ? answer : { ...answer, usage };

/** The run's answer from a validated model reply; `usage`: the run's so far. */
export function modelAnswer(
  state: Pick<AgenticRagValues, 'hops' | 'chunks'>,
  model: string,
  reply: StructuredAnswer,
  usage: Usage | null,
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
  return withUsage(answer, usage);
}

/**
 * The run's answer from a cache entry: `model` is the model that wrote it originally, and
 * `fallbackPath` the models this run used, ending with `model` (default: `[model]`, a hit
 * before any model was called); `usage`: what the run's model calls used (default: none).
 */
export function cachedAnswer(
  hit: CacheHit,
  fallbackPath: readonly string[] = [hit.answer.model],
  usage: Usage | null = null,
): AgenticRagAnswer {
  const answer: AgenticRagAnswer = {
    text: hit.answer.text,
    citations: hit.answer.citations,
    model: hit.answer.model,
    fallbackPath: [...fallbackPath],
    cached: true,
    grounded: hit.answer.grounded,
  };
  return withUsage(answer, usage);
}

/**
 * Streams a cached answer like a model's: its whole text as one `token` event of the model that
 * wrote it, so a client that renders tokens shows it before the run completes.
 */
export function streamCachedAnswer(
  config: LangGraphRunnableConfig,
  answer: AgenticRagAnswer,
): void {
  emit(config, { type: 'token', text: answer.text, model: answer.model });
}
