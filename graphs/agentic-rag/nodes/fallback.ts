import { AppError } from '../../../src/errors.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { emit } from '../events.js';
import type { Hop } from '../state.js';

/**
 * `fallback` moves the answer to the next model of the chain after a failed or rejected
 * attempt, skipping models whose circuit is open, and records every hop with its reason in
 * `hops` (and so in the checkpoint). A model that can continue a cut answer gets the raw text
 * so far; otherwise, if answer text was already shown, the last hop says `restart: true`.
 * With no model left, `failure` stays set and the run goes to `lastResort`.
 */
export function fallbackNode(deps: Pick<NodeDeps, 'router' | 'now' | 'logger'>) {
  return defineNode(
    'fallback',
    ['model', 'hops', 'failure', 'corrections', 'correction', 'continuation'],
    async (state, config) => {
      const failure = state.failure;
      if (failure === null) throw new AppError('INTERNAL_SERVER_ERROR', 'fallback needs a failure');
      const at = deps.now().toISOString();
      const ids = deps.router.ids;
      const hops: Hop[] = [];
      let next: string | null = null;
      let from = failure.model;
      let reason = failure.reason;
      for (const id of ids.slice(ids.indexOf(failure.model) + 1)) {
        hops.push({ fromModel: from, toModel: id, reason, at });
        if (!deps.router.isOpen(id)) {
          next = id;
          break;
        }
        from = id;
        reason = 'CIRCUIT_OPEN';
      }
      const continues =
        next !== null && failure.partialRaw !== '' && deps.router.model(next).canContinue;
      hops.forEach(({ fromModel, toModel, reason: why }, index) => {
        const last = index === hops.length - 1 && next !== null;
        const restart = last && failure.displayed && !continues;
        emit(config, { type: 'fallback', fromModel, toModel, reason: why, restart });
      });
      deps.logger.warn(
        {
          event: 'model_fallback',
          fromModel: failure.model,
          toModel: next,
          reason: failure.reason,
        },
        'model fallback',
      );
      // `failure` stays set: no model is left, and the last resort reports why.
      if (next === null) return { hops: [...state.hops, ...hops] };
      return {
        model: next,
        hops: [...state.hops, ...hops],
        failure: null,
        corrections: 0,
        correction: null,
        continuation: continues ? failure.partialRaw : '',
      };
    },
  );
}
