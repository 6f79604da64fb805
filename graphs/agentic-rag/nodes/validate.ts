import { AppError } from '../../../src/errors.js';
import { displayedAnswer } from '../answer-stream.js';
import { modelAnswer } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { recordHops } from '../failover.js';
import { judgeReply } from '../judge-reply.js';

type ValidateDeps = Pick<NodeDeps, 'router' | 'limits' | 'logger' | 'now' | 'runUsage'>;

/**
 * `validate` judges the draft: the answer schema, and every citation among the chunks that
 * were in the prompt. A valid draft becomes the run's `answer`, with the run's usage so far. An
 * invalid or ungrounded one gets one corrective retry on the same model (a hop from the model
 * to itself, announced as a `fallback` event), then goes to the fallback edge. The
 * deterministic local model is never re-asked.
 */
export function validateNode(deps: ValidateDeps) {
  return defineNode(
    'validate',
    ['answer', 'draft', 'correction', 'corrections', 'failure', 'hops'],
    async (state, config) => {
      const draft = state.draft;
      if (draft === null) throw new AppError('INTERNAL_SERVER_ERROR', 'validate needs a draft');
      const verdict = judgeReply(draft.raw, state.budget?.contextIds ?? []);
      if (verdict.ok) {
        return { answer: modelAnswer(state, draft.model, verdict.answer, deps.runUsage()) };
      }

      const displayed = displayedAnswer(draft.raw) !== '';
      const retry =
        state.corrections < deps.limits.maxCorrections &&
        deps.router.model(draft.model).provider.kind !== 'local';
      deps.logger.info(
        { event: 'reply_rejected', model: draft.model, reason: verdict.reason, retry },
        'reply rejected',
      );
      const failure = {
        node: 'generate' as const,
        model: draft.model,
        reason: verdict.reason,
        partialRaw: '',
        displayed,
      };
      if (!retry) return { draft: null, failure };
      const hop = {
        node: 'generate' as const,
        fromModel: draft.model,
        toModel: draft.model,
        reason: verdict.reason,
        at: deps.now().toISOString(),
      };
      return {
        draft: null,
        correction: { reply: draft.raw, error: verdict.error },
        corrections: state.corrections + 1,
        hops: recordHops(state, config, [hop], displayed),
      };
    },
  );
}
