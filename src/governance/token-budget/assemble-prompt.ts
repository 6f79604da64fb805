import { AppError } from '../../errors.js';
import { countTokens, truncateToTokens } from './count-tokens.js';
import { REPLY_PRIMING_TOKENS, messageTokens } from './message-tokens.js';
import { selectContext } from './select-context.js';
import { selectHistory } from './select-history.js';
import type { AssembledPrompt, PromptInput, TokenBudget, TruncatedSection } from './types.js';
import { assertValidBudget } from './validate-budget.js';

const DEFAULT_HISTORY_SHARE = 0.25;

/** The system prompt, cut to `systemMax` tokens when it is longer. */
function capSystem(system: string, systemMax: number | undefined): [string, TruncatedSection[]] {
  if (systemMax === undefined) return [system, []];
  const tokens = countTokens(system);
  if (tokens <= systemMax) return [system, []];
  const kept = truncateToTokens(system, systemMax);
  return [kept, [{ section: 'system', tokens, keptTokens: countTokens(kept) }]];
}

/**
 * Fits a prompt into a model's context window, in priority order: the system prompt and the
 * question always (the system prompt cut to `systemMax` first, if set); the answer reserve held
 * back; the most recent whole history turns within `historyShare` of what is left (older
 * turns dropped first, replaced by `historySummary` when given and it fits); then context
 * chunks, whole, best first, in the rest. Everything left out is listed in `dropped`.
 *
 * Messages: system, [summary], history…, [context as one user message, see `renderContext`],
 * question. Each message costs its content plus `MESSAGE_OVERHEAD_TOKENS`; the question
 * section also carries `REPLY_PRIMING_TOKENS`.
 * @throws {AppError} `BAD_USER_INPUT` when the system prompt and question alone exceed
 *   `maxInputTokens - answerReserve`; `INTERNAL_SERVER_ERROR` for an invalid budget or chunk id.
 */
export function assemblePrompt(input: PromptInput, budget: TokenBudget): AssembledPrompt {
  assertValidBudget(budget, input);
  const promptLimit = budget.maxInputTokens - budget.answerReserve;

  const [system, truncated] = capSystem(input.system, budget.systemMax);
  const systemTokens = messageTokens(system);
  const questionTokens = messageTokens(input.question) + REPLY_PRIMING_TOKENS;
  const remaining = promptLimit - systemTokens - questionTokens;
  if (remaining < 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `the question and system prompt need ${systemTokens + questionTokens} tokens, ` +
        `but only ${promptLimit} of ${budget.maxInputTokens} are available for the prompt`,
      {
        details: { systemTokens, questionTokens, promptLimit, answerReserve: budget.answerReserve },
      },
    );
  }

  const historyLimit = Math.floor(remaining * (budget.historyShare ?? DEFAULT_HISTORY_SHARE));
  const history = selectHistory(input.history, input.historySummary, historyLimit);
  const context = selectContext(input.context, remaining - history.tokens);

  return {
    messages: [
      { role: 'system', content: system },
      ...history.messages,
      ...(context.message === null ? [] : [context.message]),
      { role: 'user', content: input.question },
    ],
    usedTokens: systemTokens + history.tokens + context.tokens + questionTokens,
    sections: {
      system: systemTokens,
      history: history.tokens,
      context: context.tokens,
      question: questionTokens,
      reserve: budget.answerReserve,
    },
    contextIds: context.ids,
    dropped: [...history.dropped, ...context.dropped],
    truncated,
  };
}
