import { AppError } from '../../errors.js';
import { CHUNK_ID_PATTERN } from './citations.js';
import type { PromptInput, TokenBudget } from './types.js';

/**
 * Checks what callers (not users) control: the budget's numbers and the chunk ids.
 * @throws {AppError} `INTERNAL_SERVER_ERROR` listing every problem.
 */
export function assertValidBudget(budget: TokenBudget, input: PromptInput): void {
  const { maxInputTokens, answerReserve, historyShare, systemMax } = budget;
  const problems = [
    Number.isInteger(maxInputTokens) && maxInputTokens > 0
      ? null
      : 'maxInputTokens must be a positive integer',
    Number.isInteger(answerReserve) && answerReserve >= 0
      ? null
      : 'answerReserve must be a non-negative integer',
    historyShare === undefined || (historyShare >= 0 && historyShare <= 1)
      ? null
      : 'historyShare must be between 0 and 1',
    systemMax === undefined || (Number.isInteger(systemMax) && systemMax >= 0)
      ? null
      : 'systemMax must be a non-negative integer',
    input.context.every((chunk) => CHUNK_ID_PATTERN.test(chunk.id))
      ? null
      : 'every context chunk id must match CHUNK_ID_PATTERN',
  ].filter((problem) => problem !== null);
  if (problems.length > 0) {
    throw new AppError('INTERNAL_SERVER_ERROR', `invalid prompt budget: ${problems.join('; ')}`);
  }
}
