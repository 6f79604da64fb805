import { describe, expect, it } from 'vitest';
import { cacheNode } from '../../../../../graphs/agentic-rag/nodes/cache.js';
import { EARLIER_TURN, fakeCache, hitOf, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

describe('cache node', () => {
  it('serves an exact hit from its one lookup, streams it, and keeps the embedding for later', async () => {
    const { cache, similarCalls } = fakeCache({ exact: hitOf('Twenty-five days.') });
    let embedded = 0;
    const node = cacheNode(
      nodeDeps({
        cache,
        embedder: { model: 'm', embed: () => Promise.resolve([[++embedded]]) },
      }),
    );

    const { events, config } = recordingConfig();
    const update = await node(stateWith(), config);

    expect(update).toEqual({
      questionEmbedding: [1],
      answer: {
        text: 'Twenty-five days.',
        citations: [{ chunkId: 'k1', documentId: 'd1' }],
        model: 'primary',
        fallbackPath: ['primary'],
        cached: true,
        grounded: true,
      },
    });
    expect(events).toEqual([{ type: 'token', text: 'Twenty-five days.', model: 'primary' }]);
    expect(embedded).toBe(1);
    expect(similarCalls).toEqual([{ minSimilarity: undefined }]);
  });

  it('serves a semantic hit at the cache’s own threshold and keeps the embedding', async () => {
    const { cache, similarCalls } = fakeCache({ similar: hitOf('Cached.', 0.95) });
    const node = cacheNode(nodeDeps({ cache }));

    const update = await node(stateWith(), recordingConfig().config);

    expect(update).toMatchObject({ questionEmbedding: [1, 0, 0], answer: { text: 'Cached.' } });
    expect(similarCalls).toEqual([{ minSimilarity: undefined }]);
  });

  it('records a miss as no answer, and skips follow-up turns entirely', async () => {
    const node = cacheNode(nodeDeps());
    expect(await node(stateWith(), recordingConfig().config)).toEqual({
      questionEmbedding: [1, 0, 0],
    });
    expect(await node(stateWith({ history: EARLIER_TURN }), recordingConfig().config)).toEqual({});
  });
});
