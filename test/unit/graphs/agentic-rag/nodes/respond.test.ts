import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgenticRagAnswer } from '../../../../../graphs/agentic-rag/index.js';
import { respondNode } from '../../../../../graphs/agentic-rag/nodes/respond.js';
import {
  CHUNKS,
  EARLIER_TURN,
  fakeCache,
  fakeModel,
  fakeRouter,
  nodeDeps,
  recordingConfig,
  stateWith,
} from '../fakes.js';

const router = fakeRouter([
  fakeModel('primary', [{ tokens: [] }]).model,
  fakeModel('local', [{ tokens: [] }], { kind: 'local' }).model,
]).router;
const answer = (overrides: Partial<AgenticRagAnswer> = {}): AgenticRagAnswer => ({
  text: 'Twenty-five days.',
  citations: [{ chunkId: 'k1', documentId: 'd1' }],
  model: 'primary',
  fallbackPath: ['primary'],
  cached: false,
  grounded: true,
  ...overrides,
});
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('respond node', () => {
  it('caches a grounded remote answer with the hash of each cited chunk, and appends the turn', async () => {
    const { cache, stored } = fakeCache();
    const node = respondNode(nodeDeps({ router, cache }));

    const update = await node(
      stateWith({ chunks: CHUNKS, questionEmbedding: [0.6, 0.8], answer: answer() }),
      recordingConfig().config,
    );

    expect(update).toEqual({
      history: [
        { role: 'user', content: 'How long is annual leave?' },
        { role: 'assistant', content: 'Twenty-five days.' },
      ],
    });
    expect(stored).toEqual([
      {
        workspaceId: 'w1',
        collectionId: 'c1',
        question: 'How long is annual leave?',
        embedding: { vector: [0.6, 0.8], model: 'hashing-v1' },
        answer: {
          text: 'Twenty-five days.',
          citations: [{ chunkId: 'k1', documentId: 'd1' }],
          model: 'primary',
          grounded: true,
        },
        cited: [{ chunkId: 'k1', contentHash: sha256(CHUNKS[0]!.text) }],
        createdAt: new Date('2026-01-01T00:00:00.000Z'),
      },
    ]);
  });

  it('caches nothing from the cache itself, the local model, an ungrounded answer or a follow-up', async () => {
    const { cache, stored } = fakeCache();
    const node = respondNode(nodeDeps({ router, cache }));
    const config = recordingConfig().config;
    await node(stateWith({ chunks: CHUNKS, answer: answer({ cached: true }) }), config);
    await node(stateWith({ chunks: CHUNKS, answer: answer({ model: 'local' }) }), config);
    await node(
      stateWith({ chunks: CHUNKS, answer: answer({ grounded: false, citations: [] }) }),
      config,
    );
    await node(stateWith({ chunks: CHUNKS, answer: answer(), history: EARLIER_TURN }), config);
    expect(stored).toEqual([]);
  });

  it('still answers when the cache write fails', async () => {
    const { cache } = fakeCache();
    const failing = {
      ...cache,
      store: () => Promise.reject(Object.assign(new Error('x'), { code: '57P01' })),
    };
    const node = respondNode(nodeDeps({ router, cache: failing }));
    const update = await node(
      stateWith({ chunks: CHUNKS, answer: answer() }),
      recordingConfig().config,
    );
    expect(update.history).toHaveLength(2);
  });
});
