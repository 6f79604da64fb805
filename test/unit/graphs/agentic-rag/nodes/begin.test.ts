import { describe, expect, it } from 'vitest';
import { beginNode } from '../../../../../graphs/agentic-rag/nodes/begin.js';
import { RUN_DEFAULTS } from '../../../../../graphs/agentic-rag/state.js';
import { CHUNKS, recordingConfig, stateWith } from '../fakes.js';

describe('begin node', () => {
  const begin = beginNode();

  it('resets the per-run fields the previous run left behind, and leaves the question as given', async () => {
    const previous = stateWith({
      question: 'Mail [EMAIL_1] the leave policy',
      query: 'leave policy',
      chunks: CHUNKS,
      rewrites: 2,
      hops: [
        {
          node: 'generate',
          fromModel: 'a',
          toModel: 'b',
          reason: 'HTTP_503',
          at: new Date(0).toISOString(),
        },
      ],
    });

    const update = await begin(previous, recordingConfig().config);

    expect(update).toEqual({ query: '', chunks: RUN_DEFAULTS.chunks, rewrites: 0, hops: [] });
  });

  it('writes nothing for a first question: every field already has its value', async () => {
    expect(await begin(stateWith(), recordingConfig().config)).toEqual({});
  });
});
