import { describe, expect, it } from 'vitest';
import { NodeOutputError, defineNode } from '../../../../graphs/agentic-rag/define-node.js';
import { recordingConfig, stateWith } from './fakes.js';

describe('defineNode', () => {
  it('passes a valid update through unchanged', async () => {
    const node = defineNode('retrieve', ['retrievals'], () => Promise.resolve({ retrievals: 2 }));
    expect(await node(stateWith(), recordingConfig().config)).toEqual({ retrievals: 2 });
  });

  it('leaves out fields equal to their current value: they would only cost checkpoint rows', async () => {
    const node = defineNode('retrieve', ['retrievals', 'chunks'], () =>
      Promise.resolve({ retrievals: 3, chunks: [] }),
    );
    expect(await node(stateWith({ retrievals: 1 }), recordingConfig().config)).toEqual({
      retrievals: 3,
    });
  });

  it('fails loudly, naming the node and the field, on an invalid value', async () => {
    const node = defineNode('retrieve', ['retrievals'], () => Promise.resolve({ retrievals: -1 }));
    const error = await node(stateWith(), recordingConfig().config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOutputError);
    expect(error).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      node: 'retrieve',
      message: expect.stringContaining('node "retrieve" produced invalid state: retrievals'),
    });
  });

  it('announces the node with a nodeStarted event before anything the node streams', async () => {
    const { all, config } = recordingConfig();
    const node = defineNode('retrieve', ['retrievals'], (_state, traced) => {
      traced.writer?.({ type: 'retrieval', query: 'q', chunkIds: [] });
      return Promise.resolve({ retrievals: 1 });
    });
    await node(stateWith(), config);
    expect(all).toEqual([
      { type: 'nodeStarted', node: 'retrieve' },
      { type: 'retrieval', query: 'q', chunkIds: [] },
    ]);
  });

  it('rejects a field the node did not declare', async () => {
    const node = defineNode('grade', ['grading'], () => Promise.resolve({ answer: null } as never));
    await expect(node(stateWith(), recordingConfig().config)).rejects.toMatchObject({
      node: 'grade',
      message: expect.stringContaining('answer'),
    });
  });
});
