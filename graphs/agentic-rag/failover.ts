import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { ModelCallError } from '../../src/models/index.js';
import type { GraphChatRouter } from './deps.js';
import { emit } from './events.js';
import { toFallbackReason, type FallbackReason } from './fallback-reasons.js';
import type { AgenticRagValues, Hop } from './state.js';

/**
 * The graph's failover, the only one in Ballast. A node that calls a model (`grade`, `rewrite`,
 * `generate`) calls the run's current model; when the call fails it records a `failure` instead
 * of throwing, and the fallback edge moves the run to the next model and back to that node. The
 * current model only moves forward, so a later node does not retry a model the run already left.
 */

/** The model a node calls now: the run's current one, else the chain's first. */
export function currentModel(
  state: Pick<AgenticRagValues, 'model'>,
  router: Pick<GraphChatRouter, 'ids'>,
): string {
  return state.model ?? router.ids[0]!;
}

/**
 * The reason to fall back on for `error` thrown by a model call, or undefined when it must
 * propagate: the caller cancelled, or it is not a model failure (a bug, the database…).
 */
export function fallbackReason(
  error: unknown,
  signal: AbortSignal | undefined,
): FallbackReason | undefined {
  if (!(error instanceof ModelCallError) || signal?.aborted === true) return undefined;
  return error.failure.code === 'CANCELLED' ? undefined : toFallbackReason(error.failure.code);
}

/**
 * Announces `hops` as `fallback` events, in order (only the last one may say `restart`), and
 * returns the run's hops with them appended. Every hop of a run goes through here, so the
 * events a client receives and the hops the answer's `fallbackPath` is built from are one list.
 */
export function recordHops(
  state: Pick<AgenticRagValues, 'hops'>,
  config: LangGraphRunnableConfig,
  hops: readonly Hop[],
  restart: boolean,
): Hop[] {
  hops.forEach(({ node, fromModel, toModel, reason }, index) => {
    const last = index === hops.length - 1;
    emit(config, { type: 'fallback', node, fromModel, toModel, reason, restart: restart && last });
  });
  return [...state.hops, ...hops];
}
