import { describe, expect, it } from 'vitest';
import { validateNode } from '../../../../../graphs/agentic-rag/nodes/validate.js';
import { CHUNKS, fakeModel, fakeRouter, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

const budget = {
  usedTokens: 100,
  sections: { system: 10, history: 0, context: 50, question: 10, reserve: 30 },
  contextIds: ['k1', 'k2'],
  dropped: [],
  truncated: [],
};
const draftOf = (value: unknown, model = 'primary') => ({
  model,
  raw: typeof value === 'string' ? value : JSON.stringify(value),
});
const router = fakeRouter([
  fakeModel('primary', [{ tokens: [] }]).model,
  fakeModel('local', [{ tokens: [] }], { kind: 'local' }).model,
]).router;

const AT = '2026-01-01T00:00:00.000Z';
const USAGE = { inputTokens: 5, outputTokens: 5 };

describe('validate node', () => {
  const validate = validateNode(nodeDeps({ router, runUsage: () => USAGE }));

  it('turns a valid draft into the answer, with document ids, the fallback path and the run’s usage', async () => {
    const state = stateWith({
      chunks: CHUNKS,
      budget,
      hops: [
        { node: 'grade', fromModel: 'x', toModel: 'primary', reason: 'HTTP_503', at: AT },
        {
          node: 'generate',
          fromModel: 'primary',
          toModel: 'primary',
          reason: 'UNGROUNDED',
          at: AT,
        },
      ],
      draft: draftOf({ answer: 'Twenty-five days.', citations: ['k1'], grounded: true }),
    });

    expect(await validate(state, recordingConfig().config)).toEqual({
      answer: {
        text: 'Twenty-five days.',
        citations: [{ chunkId: 'k1', documentId: 'd1' }],
        model: 'primary',
        fallbackPath: ['x', 'primary'],
        cached: false,
        grounded: true,
        usage: USAGE,
      },
    });
  });

  it('asks for one correction, a hop to the same model announcing a restart of the text shown', async () => {
    const { events, config } = recordingConfig();
    const update = await validate(
      stateWith({ chunks: CHUNKS, budget, draft: draftOf('{"answer": "half') }),
      config,
    );
    expect(update).toEqual({
      draft: null,
      correction: { reply: '{"answer": "half', error: expect.stringMatching(/^is not valid JSON/) },
      corrections: 1,
      hops: [
        {
          node: 'generate',
          fromModel: 'primary',
          toModel: 'primary',
          reason: 'INVALID_OUTPUT',
          at: AT,
        },
      ],
    });
    expect(events).toEqual([
      {
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'primary',
        reason: 'INVALID_OUTPUT',
        restart: true,
      },
    ]);
  });

  it('after the correction is spent, hands the draft to the fallback edge', async () => {
    const update = await validate(
      stateWith({
        chunks: CHUNKS,
        budget,
        corrections: 1,
        draft: draftOf({ answer: 'x', citations: ['k7'], grounded: true }),
      }),
      recordingConfig().config,
    );
    expect(update).toEqual({
      draft: null,
      failure: {
        node: 'generate',
        model: 'primary',
        reason: 'UNGROUNDED',
        partialRaw: '',
        displayed: true,
      },
    });
  });

  it('never re-asks the deterministic local model', async () => {
    const update = await validate(
      stateWith({
        chunks: CHUNKS,
        budget,
        draft: draftOf({ answer: 'x', citations: ['k7'], grounded: true }, 'local'),
      }),
      recordingConfig().config,
    );
    expect(update).toMatchObject({ failure: { model: 'local', reason: 'UNGROUNDED' } });
  });
});
