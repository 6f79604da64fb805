import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../../../../graphs/agentic-rag/index.js';
import { generateNode } from '../../../../../graphs/agentic-rag/nodes/generate.js';
import {
  CHUNKS,
  answerTokens,
  fakeModel,
  fakeRouter,
  nodeDeps,
  recordingConfig,
  stateWith,
} from '../fakes.js';

const ANSWER = 'Annual leave is twenty-five days.';
const graded = (ids: string[]) => ({ relevantChunkIds: ids, score: 0.9, model: 'primary' });

describe('generate node', () => {
  it('streams the answer text as tokens and keeps the raw reply as the draft', async () => {
    const tokens = answerTokens(ANSWER, ['k1']);
    const primary = fakeModel('primary', [{ tokens }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([primary.model]).router }));
    const { events, config } = recordingConfig();

    const update = await node(stateWith({ chunks: CHUNKS, grading: graded(['k1']) }), config);

    expect(update).toMatchObject({
      draft: { model: 'primary', raw: tokens.join('') },
      budget: { contextIds: ['k1'], dropped: [] },
    });
    expect(events.every((e) => e.type === 'token' && e.model === 'primary')).toBe(true);
    expect(events.map((e) => (e.type === 'token' ? e.text : '')).join('')).toBe(ANSWER);
    expect(primary.requests[0]?.context.map((c) => c.id)).toEqual(['k1']);
    expect(primary.requests[0]?.maxOutputTokens).toBe(DEFAULT_BUDGET.answerReserve);
  });

  it('uses every retrieved chunk when none was graded relevant', async () => {
    const primary = fakeModel('primary', [{ tokens: answerTokens(ANSWER, []) }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([primary.model]).router }));
    await node(stateWith({ chunks: CHUNKS, grading: graded([]) }), recordingConfig().config);
    expect(primary.requests[0]?.context.map((c) => c.id)).toEqual(['k1', 'k2']);
  });

  it('records a model failure with the raw text so far instead of throwing', async () => {
    const tokens = answerTokens(ANSWER, ['k1']);
    const primary = fakeModel('primary', [{ tokens: tokens.slice(0, 3), failWith: 'STREAM_CUT' }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([primary.model]).router }));

    const update = await node(stateWith({ chunks: CHUNKS }), recordingConfig().config);

    expect(update).toMatchObject({
      failure: {
        node: 'generate',
        model: 'primary',
        reason: 'STREAM_CUT',
        partialRaw: tokens.slice(0, 3).join(''),
        displayed: true,
      },
    });
  });

  it('continues a cut reply: the prefix goes as the assistant turn and repeats are trimmed', async () => {
    const tokens = answerTokens(ANSWER, ['k1']);
    const prefix = tokens.slice(0, 4).join('');
    // The secondary repeats the last two tokens of the prefix before continuing.
    const secondary = fakeModel('secondary', [{ tokens: tokens.slice(2) }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([secondary.model]).router }));
    const { events, config } = recordingConfig();

    const update = await node(
      stateWith({ chunks: CHUNKS, model: 'secondary', continuation: prefix }),
      config,
    );

    expect(update.draft?.raw).toBe(tokens.join(''));
    expect(secondary.requests[0]?.messages.at(-1)).toEqual({ role: 'assistant', content: prefix });
    const shownBefore = JSON.parse(`${prefix}"}`).answer as string;
    expect(events.map((e) => (e.type === 'token' ? e.text : '')).join('')).toBe(
      ANSWER.slice(shownBefore.length),
    );
  });

  it('a corrective retry sends the rejected reply and the reason', async () => {
    const primary = fakeModel('primary', [{ tokens: answerTokens(ANSWER, ['k1']) }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([primary.model]).router }));
    await node(
      stateWith({
        chunks: CHUNKS,
        correction: { reply: '{"answer": "x', error: 'is not valid JSON' },
      }),
      recordingConfig().config,
    );
    const sent = primary.requests[0]!.messages;
    expect(sent.at(-2)).toEqual({ role: 'assistant', content: '{"answer": "x' });
    expect(sent.at(-1)?.content).toMatch(/^Your previous reply is not valid JSON\./);
  });

  it('fails loudly on cancellation instead of recording a fallback', async () => {
    const primary = fakeModel('primary', [{ tokens: [], failWith: 'CANCELLED' }]);
    const node = generateNode(nodeDeps({ router: fakeRouter([primary.model]).router }));
    await expect(
      node(stateWith({ chunks: CHUNKS }), recordingConfig().config),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
