import { AppError } from '../../../src/errors.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { recordHops } from '../failover.js';
import type { Hop } from '../state.js';

/**
 * `fallback` moves the run to the next model of the chain after a failed or rejected call of
 * `grade`, `rewrite` or `generate`, skipping models whose circuit is open, and records every hop
 * with its node and reason in `hops` (and so in the checkpoint) and as a `fallback` event. A
 * model that can continue a cut answer gets the raw text so far; otherwise, if answer text was
 * already shown, the last hop says `restart: true`. The route then returns to the node that
 * failed. With no model left, `failure` stays set and the run goes to `lastResort`.
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
        hops.push({ node: failure.node, fromModel: from, toModel: id, reason, at });
        if (!deps.router.isOpen(id)) {
          next = id;
          break;
        }
        from = id;
        reason = 'CIRCUIT_OPEN';
      }
      const continues =
        next !== null && failure.partialRaw !== '' && deps.router.model(next).canContinue;
      const restart = next !== null && failure.displayed && !continues;
      const allHops = recordHops(state, config, hops, restart);
      deps.logger.warn(
        {
          event: 'model_fallback',
          node: failure.node,
          fromModel: failure.model,
          toModel: next,
          reason: failure.reason,
        },
        'model fallback',
      );
      // `failure` stays set: no model is left, and the last resort reports why.
      if (next === null) return { hops: allHops };
      return {
        model: next,
        hops: allHops,
        failure: null,
        corrections: 0,
        correction: null,
        continuation: continues ? failure.partialRaw : '',
      };
    },
  );
}
