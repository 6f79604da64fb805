import { describe, expect, it } from 'vitest';
import { gradeNode } from '../../../../../graphs/agentic-rag/nodes/grade.js';
import {
  CHUNKS,
  failingWith,
  fakeModel,
  fakeRouter,
  nodeDeps,
  recordingConfig,
  stateWith,
} from '../fakes.js';

const grading = (value: unknown) =>
  fakeModel('primary', [{ tokens: [] }], { structured: () => value });

describe('grade node', () => {
  it('keeps the ids judged relevant, in retrieval order, dropping made-up ones', async () => {
    const primary = grading({ relevant: true, score: 0.8, relevantChunkIds: ['k2', 'k9', 'k1'] });
    const node = gradeNode(nodeDeps({ router: fakeRouter([primary.model]).router }));

    const update = await node(stateWith({ chunks: CHUNKS }), recordingConfig().config);

    expect(update).toEqual({
      grading: { relevantChunkIds: ['k1', 'k2'], score: 0.8, model: 'primary' },
    });
    expect(primary.structuredCalls[0]?.options).toEqual({ task: 'grade' });
    expect(primary.structuredCalls[0]?.request.context.map((c) => c.id)).toEqual(['k1', 'k2']);
  });

  it('treats "relevant: false" as nothing relevant, whatever ids came with it', async () => {
    const primary = grading({ relevant: false, score: 0.2, relevantChunkIds: ['k1'] });
    const update = await gradeNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith({ chunks: CHUNKS }),
      recordingConfig().config,
    );
    expect(update.grading?.relevantChunkIds).toEqual([]);
  });

  it('asks the run’s current model, not the chain’s first', async () => {
    const primary = grading({ relevant: true, score: 0.8, relevantChunkIds: ['k1'] });
    const secondary = fakeModel('secondary', [{ tokens: [] }], {
      structured: () => ({ relevant: true, score: 0.7, relevantChunkIds: ['k2'] }),
    });
    const router = fakeRouter([primary.model, secondary.model]).router;
    const update = await gradeNode(nodeDeps({ router }))(
      stateWith({ chunks: CHUNKS, model: 'secondary' }),
      recordingConfig().config,
    );
    expect(update.grading).toEqual({ relevantChunkIds: ['k2'], score: 0.7, model: 'secondary' });
    expect(primary.structuredCalls).toEqual([]);
  });

  it('records a failed model for the fallback edge instead of throwing', async () => {
    const primary = fakeModel('primary', [{ tokens: [] }], {
      structured: failingWith('primary', 'HTTP_503'),
    });
    const update = await gradeNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith({ chunks: CHUNKS }),
      recordingConfig().config,
    );
    expect(update).toEqual({
      failure: {
        node: 'grade',
        model: 'primary',
        reason: 'HTTP_503',
        partialRaw: '',
        displayed: false,
      },
    });
  });

  it('fails loudly on cancellation instead of recording a fallback', async () => {
    const primary = fakeModel('primary', [{ tokens: [] }], {
      structured: failingWith('primary', 'CANCELLED'),
    });
    await expect(
      gradeNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
        stateWith({ chunks: CHUNKS }),
        recordingConfig().config,
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('makes no model call when nothing was retrieved', async () => {
    const primary = grading({});
    const update = await gradeNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith(),
      recordingConfig().config,
    );
    expect(update).toEqual({ grading: { relevantChunkIds: [], score: 0, model: null } });
    expect(primary.structuredCalls).toEqual([]);
  });
});
