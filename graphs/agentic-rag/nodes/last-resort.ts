import { AppError } from '../../../src/errors.js';
import { cachedAnswer, fallbackPathOf, streamCachedAnswer } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { recordHops } from '../failover.js';
import { isFirstTurn, type Hop } from '../state.js';

/**
 * `lastResort` runs when no model produced a usable answer — every model failed, or the local
 * model, reached after remote failures, could not answer from the context. It serves the most
 * similar fresh cached answer (at `limits.lastResortSimilarity`, lower than a normal hit), with
 * the usage of the run's failed calls; without one the run fails with `MODEL_UNAVAILABLE`, never
 * with a made-up answer. Serving it is the run's last hop, from the model that failed to the
 * one that wrote the cached answer (restarting the text if some was shown), and its text
 * streams as one token event.
 */
export function lastResortNode(
  deps: Pick<NodeDeps, 'cache' | 'embedder' | 'limits' | 'runUsage' | 'now'>,
) {
  return defineNode('lastResort', ['answer', 'hops'], async (state, config) => {
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
        if (hit !== null) {
          const failure = state.failure;
          const hop: Hop = {
            node: failure?.node ?? 'generate',
            fromModel: fallbackPath.at(-1) ?? hit.answer.model,
            toModel: hit.answer.model,
            reason: failure?.reason ?? 'UNGROUNDED',
            at: deps.now().toISOString(),
          };
          // The text shown so far is a failed attempt's, or the local model's refusal (its
          // ungrounded answer): either way the cached answer replaces it.
          const shown = failure ? failure.displayed : state.answer !== null;
          const hops = recordHops(state, config, [hop], shown);
          const path = fallbackPathOf({ hops }, hit.answer.model);
          const answer = cachedAnswer(hit, path, deps.runUsage());
          streamCachedAnswer(config, answer);
          return { answer, hops };
        }
      }
    }
    const reasons = [...state.hops.map((hop) => hop.reason), state.failure?.reason ?? 'UNGROUNDED'];
    throw new AppError('MODEL_UNAVAILABLE', 'no model could answer and no cached answer exists', {
      details: { fallbackPath, reasons },
    });
  });
}
