import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import {
  HISTORY_SUMMARY_PREFIX,
  MESSAGE_OVERHEAD_TOKENS,
  REPLY_PRIMING_TOKENS,
  assemblePrompt,
  countTokens,
  type HistoryMessage,
  type PromptInput,
  type PromptMessage,
} from '../../../src/governance/token-budget.js';

const words = (count: number, word = 'lorem'): string => Array(count).fill(word).join(' ');

/** Tokens of a message list counted independently of the assembler. */
function recount(messages: readonly PromptMessage[]): number {
  const content = messages.reduce((sum, m) => sum + countTokens(m.content), 0);
  return content + messages.length * MESSAGE_OVERHEAD_TOKENS + REPLY_PRIMING_TOKENS;
}

const history: HistoryMessage[] = [
  { role: 'user', content: `first question ${words(40)}` },
  { role: 'assistant', content: `first answer ${words(60)}` },
  { role: 'user', content: `second question ${words(10)}` },
  { role: 'assistant', content: `second answer ${words(10)}` },
  { role: 'user', content: 'third question' },
  { role: 'assistant', content: 'third answer' },
];

const input: PromptInput = {
  system: 'You answer from the context and cite chunks.',
  history,
  context: [
    { id: 'chk_best', text: `best ${words(50, 'alpha')}`, score: 0.9 },
    { id: 'chk_huge', text: `huge ${words(600, 'beta')}`, score: 0.8 },
    { id: 'chk_small', text: `small ${words(20, 'gamma')}`, score: 0.7 },
  ],
  question: 'What does the context say?',
};

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('assemblePrompt', () => {
  it('keeps every budget, counting exactly what it sends', () => {
    for (let maxInputTokens = 120; maxInputTokens <= 1_200; maxInputTokens += 37) {
      for (const historyShare of [0, 0.25, 0.6, 1]) {
        const budget = { maxInputTokens, answerReserve: 40, historyShare };
        const prompt = assemblePrompt(input, budget);
        const { system, history: h, context, question, reserve } = prompt.sections;
        expect(prompt.usedTokens).toBeLessThanOrEqual(maxInputTokens - 40);
        expect(prompt.usedTokens).toBe(recount(prompt.messages));
        expect(system + h + context + question).toBe(prompt.usedTokens);
        expect(reserve).toBe(40);
      }
    }
  });

  it('orders messages system, history, context, question', () => {
    const prompt = assemblePrompt(input, { maxInputTokens: 5_000, answerReserve: 500 });
    expect(prompt.messages.map((m) => m.role)).toEqual([
      'system',
      ...history.map((m) => m.role),
      'user',
      'user',
    ]);
    expect(prompt.messages[0]?.content).toBe(input.system);
    expect(prompt.messages.at(-2)?.content).toMatch(/^Context passages[\s\S]*\[chunk:chk_best\]/);
    expect(prompt.messages.at(-1)?.content).toBe(input.question);
    expect(prompt.dropped).toEqual([]);
  });

  it('drops the oldest whole turns first and reports each message', () => {
    const prompt = assemblePrompt(input, { maxInputTokens: 700, answerReserve: 100 });
    const dropped = prompt.dropped.filter((item) => item.section === 'history');
    expect(dropped.map((item) => item.id)).toEqual(['0', '1']);
    expect(dropped.every((item) => item.reason === 'over_budget' && item.tokens > 0)).toBe(true);
    expect(prompt.messages.slice(1, 5).map((m) => m.content)).toEqual(
      history.slice(2).map((m) => m.content),
    );
  });

  it('keeps history within its share of what system and question leave', () => {
    const budget = { maxInputTokens: 700, answerReserve: 100, historyShare: 0.25 };
    const prompt = assemblePrompt(input, budget);
    const remaining = 600 - prompt.sections.system - prompt.sections.question;
    expect(prompt.sections.history).toBeLessThanOrEqual(Math.floor(remaining * 0.25));
    expect(assemblePrompt(input, { ...budget, historyShare: 0 }).sections.history).toBe(0);
  });

  it('puts a summary in place of dropped turns when it fits, and reports it when not', () => {
    const summary = 'They discussed the first topic.';
    const budget = { maxInputTokens: 700, answerReserve: 100 };
    const withSummary = assemblePrompt({ ...input, historySummary: summary }, budget);
    expect(withSummary.messages[1]).toEqual({
      role: 'system',
      content: HISTORY_SUMMARY_PREFIX + summary,
    });
    const longSummary = assemblePrompt({ ...input, historySummary: words(500) }, budget);
    expect(longSummary.dropped).toContainEqual(
      expect.objectContaining({ section: 'history', id: 'summary' }),
    );
    expect(longSummary.messages.some((m) => m.content.startsWith(HISTORY_SUMMARY_PREFIX))).toBe(
      false,
    );
  });

  it('fills context with whole chunks best first, skipping one that does not fit', () => {
    const prompt = assemblePrompt(input, { maxInputTokens: 700, answerReserve: 100 });
    expect(prompt.contextIds).toEqual(['chk_best', 'chk_small']);
    expect(prompt.dropped).toContainEqual({
      section: 'context',
      id: 'chk_huge',
      tokens: expect.any(Number),
      reason: 'over_budget',
    });
    const context = prompt.messages.at(-2)?.content ?? '';
    expect(context).toContain(input.context[0]?.text);
    expect(context).toContain(input.context[2]?.text);
    expect(context.indexOf('chk_best')).toBeLessThan(context.indexOf('chk_small'));
  });

  it('sends no context message when no chunk fits', () => {
    const prompt = assemblePrompt(
      { ...input, history: [] },
      { maxInputTokens: 60, answerReserve: 10 },
    );
    expect(prompt.contextIds).toEqual([]);
    expect(prompt.sections.context).toBe(0);
    expect(prompt.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(prompt.dropped.map((item) => item.id)).toEqual(['chk_best', 'chk_huge', 'chk_small']);
  });

  it('cuts the system prompt to systemMax and reports the cut', () => {
    const prompt = assemblePrompt(
      { ...input, system: words(100, 'rule') },
      { maxInputTokens: 2_000, answerReserve: 100, systemMax: 20 },
    );
    expect(countTokens(prompt.messages[0]?.content ?? '')).toBe(20);
    expect(prompt.truncated).toEqual([{ section: 'system', tokens: 100, keptTokens: 20 }]);
  });

  it('throws BAD_USER_INPUT with the numbers when system and question alone do not fit', () => {
    const error = errorOf(() =>
      assemblePrompt(
        { ...input, question: words(300) },
        { maxInputTokens: 300, answerReserve: 50 },
      ),
    );
    expect(isAppError(error, 'BAD_USER_INPUT')).toBe(true);
    expect(isAppError(error) && error.details).toMatchObject({
      promptLimit: 250,
      answerReserve: 50,
      questionTokens: expect.any(Number),
      systemTokens: expect.any(Number),
    });
    expect(isAppError(error) && error.message).not.toContain('lorem');
  });

  it.each([
    { maxInputTokens: 0, answerReserve: 0 },
    { maxInputTokens: 100, answerReserve: -1 },
    { maxInputTokens: 100.5, answerReserve: 0 },
    { maxInputTokens: 100, answerReserve: 0, historyShare: 1.5 },
    { maxInputTokens: 100, answerReserve: 0, systemMax: -1 },
  ])('rejects the invalid budget %j as an internal error', (budget) => {
    expect(
      isAppError(
        errorOf(() => assemblePrompt(input, budget)),
        'INTERNAL_SERVER_ERROR',
      ),
    ).toBe(true);
  });

  it('rejects a chunk id that cannot be cited unambiguously', () => {
    const badInput = { ...input, context: [{ id: 'has space', text: 'x' }] };
    const budget = { maxInputTokens: 1_000, answerReserve: 0 };
    expect(
      isAppError(
        errorOf(() => assemblePrompt(badInput, budget)),
        'INTERNAL_SERVER_ERROR',
      ),
    ).toBe(true);
  });
});
