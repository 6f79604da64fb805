import type { AgenticRagLimits, GraphChatRouter } from './deps.js';
import type { AgenticRagValues } from './state.js';

/**
 * The conditional edges of the graph, each with its explicit list of destinations (so the
 * compiled graph, and its drawing, know every way out of a node).
 */

/** After `cache`: a fresh cached answer goes straight to `respond`. */
export const afterCache = {
  destinations: ['respond', 'retrieve'],
  route: (state: AgenticRagValues) => (state.answer === null ? 'retrieve' : 'respond'),
} as const;

/**
 * After `grade`: the fallback edge when the model failed; else rewrite the query while nothing
 * is relevant and loops remain, and generate otherwise. An empty retrieval (an empty
 * collection) has nothing a rewrite could find.
 */
export function afterGrade(limits: Required<AgenticRagLimits>) {
  return {
    destinations: ['generate', 'rewrite', 'fallback'],
    route: (state: AgenticRagValues) => {
      if (state.failure !== null) return 'fallback';
      const relevant = state.grading?.relevantChunkIds.length ?? 0;
      const canRewrite = state.chunks.length > 0 && state.rewrites < limits.maxRewrites;
      return relevant === 0 && canRewrite ? 'rewrite' : 'generate';
    },
  } as const;
}

/** After `rewrite`: the fallback edge when the model failed; else search again. */
export const afterRewrite = {
  destinations: ['retrieve', 'fallback'],
  route: (state: AgenticRagValues) => (state.failure === null ? 'retrieve' : 'fallback'),
} as const;

/** After `generate`: the fallback edge when the model failed. */
export const afterGenerate = {
  destinations: ['validate', 'fallback'],
  route: (state: AgenticRagValues) => (state.failure === null ? 'validate' : 'fallback'),
} as const;

/**
 * After `validate`: an answer goes to `respond` — unless the local model, reached after remote
 * failures, could not answer (then `lastResort`); a rejected draft is retried with a correction
 * or goes to the fallback edge.
 */
export function afterValidate(router: Pick<GraphChatRouter, 'model'>) {
  return {
    destinations: ['respond', 'lastResort', 'generate', 'fallback'],
    route: (state: AgenticRagValues) => {
      const answer = state.answer;
      if (answer !== null) {
        const localGaveUp =
          !answer.grounded &&
          state.hops.length > 0 &&
          router.model(answer.model).provider.kind === 'local';
        return localGaveUp ? 'lastResort' : 'respond';
      }
      return state.correction === null ? 'fallback' : 'generate';
    },
  } as const;
}

/**
 * After `fallback`: back to the node that failed (the last hop's), now on the next model; a
 * failure still set means no model is left.
 */
export const afterFallback = {
  destinations: ['grade', 'rewrite', 'generate', 'lastResort'],
  route: (state: AgenticRagValues) =>
    state.failure === null ? (state.hops.at(-1)?.node ?? 'generate') : 'lastResort',
} as const;

/**
 * Most supersteps one run can take with these limits and `models` chat models, plus slack
 * for LangGraph's own input step: the graph's `recursionLimit`.
 */
export function maxSteps(limits: Required<AgenticRagLimits>, models: number): number {
  const opening = 4; // begin, cache, retrieve, grade
  const perRewrite = 3; // rewrite, retrieve, grade
  // (generate, validate)×tries, then fallback and the grade or rewrite it hands over
  const perModel = 2 * (1 + limits.maxCorrections) + 2;
  const closing = 2; // lastResort, respond
  return opening + perRewrite * limits.maxRewrites + perModel * models + closing + 5;
}
