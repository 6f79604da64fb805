import { describe, expect, it } from 'vitest';
import { gradeNode } from '../../../../../graphs/agentic-rag/nodes/grade.js';
import { CHUNKS, fakeModel, fakeRouter, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

describe('grade node', () => {
  it('keeps the ids judged relevant, in retrieval order, dropping made-up ones', async () => {
    const { router, structuredCalls } = fakeRouter([fakeModel('primary', [{ tokens: [] }]).model], {
      structured: () => ({ relevant: true, score: 0.8, relevantChunkIds: ['k2', 'k9', 'k1'] }),
    });
    const node = gradeNode(nodeDeps({ router }));

    const update = await node(stateWith({ chunks: CHUNKS }), recordingConfig().config);

    expect(update).toEqual({
      grading: { relevantChunkIds: ['k1', 'k2'], score: 0.8, model: 'primary' },
      usage: { inputTokens: 10, outputTokens: 2 },
    });
    expect(structuredCalls[0]?.options).toEqual({ task: 'grade' });
    expect(structuredCalls[0]?.request.context.map((c) => c.id)).toEqual(['k1', 'k2']);
  });

  it('treats "relevant: false" as nothing relevant, whatever ids came with it', async () => {
    const { router } = fakeRouter([fakeModel('primary', [{ tokens: [] }]).model], {
      structured: () => ({ relevant: false, score: 0.2, relevantChunkIds: ['k1'] }),
    });
    const update = await gradeNode(nodeDeps({ router }))(
      stateWith({ chunks: CHUNKS }),
      recordingConfig().config,
    );
    expect(update.grading?.relevantChunkIds).toEqual([]);
  });

  it('makes no model call when nothing was retrieved', async () => {
    const { router, structuredCalls } = fakeRouter([fakeModel('primary', [{ tokens: [] }]).model]);
    const update = await gradeNode(nodeDeps({ router }))(stateWith(), recordingConfig().config);
    expect(update).toEqual({ grading: { relevantChunkIds: [], score: 0, model: null } });
    expect(structuredCalls).toEqual([]);
  });
});
