import { assemblePrompt, type AssembledPrompt } from '../../../src/governance/token-budget.js';
import { continuationMessages } from '../../../src/models/index.js';
import { displayedAnswer } from '../answer-stream.js';
import { recentTurns, summarizeHistory } from '../conversation.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { emit } from '../events.js';
import { currentModel } from '../failover.js';
import { ANSWER_SYSTEM_PROMPT, contextOf, correctionMessages } from '../prompts.js';
import type { AgenticRagValues, StateChunk } from '../state.js';
import { streamReply } from '../stream-reply.js';

/** The chunks graded relevant, in retrieval order; all of them when none was. */
function answerContext(state: AgenticRagValues): StateChunk[] {
  const relevant = new Set(state.grading?.relevantChunkIds ?? []);
  const chosen = state.chunks.filter((chunk) => relevant.has(chunk.chunkId));
  return chosen.length > 0 ? chosen : state.chunks;
}

function budgetReport(prompt: AssembledPrompt) {
  const { usedTokens, sections, contextIds, dropped, truncated } = prompt;
  return { usedTokens, sections, contextIds, dropped, truncated };
}

/**
 * `generate` streams a JSON answer from the run's current model and emits its `answer` text as
 * `token` events. The prompt is assembled under the token budget — system, history (summarised
 * when turns must go), context, question, answer reserve — and what was dropped is kept in
 * `budget`. A corrective retry adds the
 * rejected reply and the reason; a failover continues the cut model's raw text. A failed model
 * is recorded in `failure` for the fallback edge, never thrown.
 */
export function generateNode(deps: Pick<NodeDeps, 'router' | 'budget' | 'limits'>) {
  return defineNode(
    'generate',
    ['draft', 'failure', 'continuation', 'correction', 'budget'],
    async (state, config) => {
      const modelId = currentModel(state, deps.router);
      const history = recentTurns(state.history, deps.limits.maxHistoryMessages);
      const chunks = answerContext(state);
      const prompt = assemblePrompt(
        {
          system: ANSWER_SYSTEM_PROMPT,
          history,
          historySummary: summarizeHistory(history),
          context: chunks.map((c) => ({ id: c.chunkId, text: c.text, score: c.score })),
          question: state.question,
        },
        deps.budget,
      );
      let messages = prompt.messages;
      if (state.correction !== null) messages = correctionMessages(messages, state.correction);
      if (state.continuation !== '') messages = continuationMessages(messages, state.continuation);
      const inPrompt = new Set(prompt.contextIds);
      const outcome = await streamReply(
        deps.router.model(modelId),
        {
          messages,
          question: state.question,
          context: contextOf(chunks.filter((chunk) => inPrompt.has(chunk.chunkId))),
          maxOutputTokens: deps.budget.answerReserve,
          ...(config.signal ? { signal: config.signal } : {}),
        },
        state.continuation,
        (text) => emit(config, { type: 'token', text, model: modelId }),
      );
      const common = {
        continuation: '',
        correction: null,
        budget: budgetReport(prompt),
      };
      if (outcome.ok) {
        return { ...common, draft: { model: modelId, raw: outcome.raw }, failure: null };
      }
      const displayed = displayedAnswer(outcome.raw) !== '';
      const failure = {
        node: 'generate' as const,
        model: modelId,
        reason: outcome.reason,
        partialRaw: outcome.raw,
        displayed,
      };
      return { ...common, draft: null, failure };
    },
  );
}
