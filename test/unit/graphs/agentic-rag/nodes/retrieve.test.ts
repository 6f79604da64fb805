import { describe, expect, it } from 'vitest';
import type { RetrieveArgs } from '../../../../../graphs/agentic-rag/index.js';
import { retrieveNode } from '../../../../../graphs/agentic-rag/nodes/retrieve.js';
import { CHUNKS, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

describe('retrieve node', () => {
  it('searches with the current query, keeps the chunks and announces them', async () => {
    const calls: RetrieveArgs[] = [];
    const node = retrieveNode(
      nodeDeps({
        retrieve: (args) => {
          calls.push(args);
          return Promise.resolve(CHUNKS.map((chunk) => ({ ...chunk, ordinal: 0, extra: true })));
        },
      }),
    );
    const { events, config } = recordingConfig();

    const update = await node(stateWith({ query: 'annual leave days', retrievals: 1 }), config);

    expect(calls).toEqual([
      { workspaceId: 'w1', collectionId: 'c1', query: 'annual leave days', k: 6 },
    ]);
    expect(update).toEqual({ chunks: CHUNKS, retrievals: 2 });
    expect(events).toEqual([
      { type: 'retrieval', query: 'annual leave days', chunkIds: ['k1', 'k2'] },
    ]);
  });

  it('passes the question’s embedding along for the question, never for a rewrite', async () => {
    const calls: RetrieveArgs[] = [];
    const node = retrieveNode(
      nodeDeps({
        retrieve: (args) => {
          calls.push(args);
          return Promise.resolve([]);
        },
      }),
    );
    const embedded = { questionEmbedding: [0.6, 0.8] };
    await node(stateWith({ query: '', ...embedded }), recordingConfig().config);
    await node(stateWith({ query: 'annual leave days', ...embedded }), recordingConfig().config);
    expect(calls.map((call) => call.queryVector)).toEqual([[0.6, 0.8], undefined]);
  });

  it('searches with the question itself while no rewrite has set a query', async () => {
    const queries: string[] = [];
    const node = retrieveNode(
      nodeDeps({
        retrieve: ({ query }) => {
          queries.push(query);
          return Promise.resolve([]);
        },
      }),
    );
    const { events, config } = recordingConfig();
    await node(stateWith({ query: '' }), config);
    expect(queries).toEqual(['How long is annual leave?']);
    expect(events).toEqual([
      { type: 'retrieval', query: 'How long is annual leave?', chunkIds: [] },
    ]);
  });
});
