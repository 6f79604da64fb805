import { describe, expect, it } from 'vitest';
import { redactNode } from '../../../../../graphs/agentic-rag/nodes/redact.js';
import { RUN_DEFAULTS } from '../../../../../graphs/agentic-rag/state.js';
import { CHUNKS, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

describe('redact node', () => {
  const redact = redactNode(nodeDeps());

  it('redacts the question and resets the per-run fields the previous run left behind', async () => {
    const previous = stateWith({
      question: 'Mail jane@example.com the leave policy',
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

    const update = await redact(previous, recordingConfig().config);

    expect(update).toEqual({
      question: 'Mail [EMAIL_1] the leave policy',
      piiRedacted: 1,
      query: '',
      chunks: RUN_DEFAULTS.chunks,
      rewrites: 0,
      hops: [],
    });
  });

  it('writes nothing for a clean first question: every field already has its value', async () => {
    expect(await redact(stateWith(), recordingConfig().config)).toEqual({});
  });

  it('rejects an empty question with BAD_USER_INPUT naming the field', async () => {
    await expect(
      redact(stateWith({ question: '   ' }), recordingConfig().config),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'question' } });
  });
});
