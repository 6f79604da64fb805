import { AppError } from '../../../src/errors.js';
import { displayedAnswer } from '../answer-stream.js';
import { modelAnswer } from '../answers.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { emit } from '../events.js';
import { judgeReply } from '../judge-reply.js';

/**
 * `validate` judges the draft: the answer schema, and every citation among the chunks that
 * were in the prompt. A valid draft becomes the run's `answer`. An invalid or ungrounded one
 * gets one corrective retry on the same model (announced as a `fallback` from the model to
 * itself), then goes to the fallback edge. The deterministic local model is never re-asked.
 */
export function validateNode(deps: Pick<NodeDeps, 'router' | 'limits' | 'logger'>) {
  return defineNode(
    'validate',
    ['answer', 'draft', 'correction', 'corrections', 'failure'],
    async (state, config) => {
      const draft = state.draft;
      if (draft === null) throw new AppError('INTERNAL_SERVER_ERROR', 'validate needs a draft');
      const verdict = judgeReply(draft.raw, state.budget?.contextIds ?? []);
      if (verdict.ok) return { answer: modelAnswer(state, draft.model, verdict.answer) };

      const displayed = displayedAnswer(draft.raw) !== '';
      const retry =
        state.corrections < deps.limits.maxCorrections &&
        deps.router.model(draft.model).provider.kind !== 'local';
      deps.logger.info(
        { event: 'reply_rejected', model: draft.model, reason: verdict.reason, retry },
        'reply rejected',
      );
      if (!retry) {
        const failure = { model: draft.model, reason: verdict.reason, partialRaw: '', displayed };
        return { draft: null, failure };
      }
      emit(config, {
        type: 'fallback',
        fromModel: draft.model,
        toModel: draft.model,
        reason: verdict.reason,
        restart: displayed,
      });
      return {
        draft: null,
        correction: { reply: draft.raw, error: verdict.error },
        corrections: state.corrections + 1,
      };
    },
  );
}
