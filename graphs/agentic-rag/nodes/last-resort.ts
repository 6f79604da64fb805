import { AppError } from '../../../src/errors.js';
import { cachedAnswer, fallbackPathOf } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { isFirstTurn } from '../state.js';

/**
 * `lastResort` runs when no model produced a usable answer — every model failed, or the local
 * model, reached after remote failures, could not answer from the context. It serves the most
 * similar fresh cached answer (at `limits.lastResortSimilarity`, lower than a normal hit), with
 * the usage of the run's failed calls; without one the run fails with `MODEL_UNAVAILABLE`, never
 * with a made-up answer.
 */
export function lastResortNode(deps: Pick<NodeDeps, 'cache' | 'embedder' | 'limits' | 'runUsage'>) {
  return defineNode('lastResort', ['answer'], async (state, config) => {
    const fallbackPath = fallbackPathOf(state, state.failure?.model ?? state.answer?.model);
    if (isFirstTurn(state)) {
      const vector =
        state.questionEmbedding ??
        (await deps.embedder.embed([state.question], { signal: config.signal }))[0];
      if (vector !== undefined) {
        const key = { workspaceId: state.workspaceId, collectionId: state.collectionId };
        const { hit } = await deps.cache.findSimilar(
          key,
          { vector, model: deps.embedder.model },
          deps.limits.lastResortSimilarity,
        );
        if (hit !== null) return { answer: cachedAnswer(hit, fallbackPath, deps.runUsage()) };
      }
    }
    const reasons = [...state.hops.map((hop) => hop.reason), state.failure?.reason ?? 'UNGROUNDED'];
    throw new AppError('MODEL_UNAVAILABLE', 'no model could answer and no cached answer exists', {
      details: { fallbackPath, reasons },
    });
  });
}
